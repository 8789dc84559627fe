// The built client: hashed assets cached for a year, index.html for the app's routes.
import fs from 'node:fs'
import path from 'node:path'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { ERROR_CODE } from '@meridian/protocol'
import type { ErrorBody } from '@meridian/protocol'
import { sendJson, sendText } from './respond.js'

const NOT_FOUND: ErrorBody = { error: { code: ERROR_CODE.notFound, message: 'not found' } }

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
}

const NOT_BUILT = `<!doctype html>
<meta charset="utf-8"><title>Meridian: client not built</title>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; line-height: 1.5">
<h1>The Meridian client has not been built</h1>
<p>The server is running, but <code>client/dist</code> is missing. Build the client:</p>
<pre>npx -y pnpm@12.4.2 install && npx -y pnpm@12.4.2 build</pre>
<p>then reload this page. The API (<code>/api</code>) and sync (<code>/ws</code>) work already.</p>
</body>`

const acceptsHtml = (req: IncomingMessage): boolean =>
  /\btext\/html\b/.test(req.headers.accept ?? '')

/** App routes answered with index.html. */
const SPA_ROUTE = /^\/(?:$|r\/|embed\/)/

export class StaticFiles {
  private readonly root: string

  constructor(root: string) {
    this.root = path.resolve(root)
  }

  /** Serves a GET/HEAD for a non-API path. */
  serve(req: IncomingMessage, res: ServerResponse, pathname: string): void {
    let decoded: string
    try {
      decoded = decodeURIComponent(pathname)
    } catch {
      sendJson(res, 400, { error: { code: 'bad_request', message: 'malformed path' } })
      return
    }
    if (decoded.includes('\0')) {
      sendJson(res, 400, { error: { code: 'bad_request', message: 'malformed path' } })
      return
    }
    const index = path.join(this.root, 'index.html')
    if (!fs.existsSync(index)) {
      sendText(res, 503, 'text/html; charset=utf-8', NOT_BUILT)
      return
    }
    if (SPA_ROUTE.test(decoded)) {
      this.file(req, res, index, false)
      return
    }
    const file = path.resolve(this.root, '.' + decoded)
    // Confine to the client directory: no `..`, no absolute paths out of it.
    if (file !== this.root && !file.startsWith(this.root + path.sep)) {
      sendJson(res, 404, NOT_FOUND)
      return
    }
    let stat: fs.Stats | undefined
    try {
      stat = fs.statSync(file)
    } catch {
      stat = undefined
    }
    if (!stat?.isFile()) {
      // A person who followed a wrong address gets the app's own "page not found";
      // scripts and asset requests get the JSON error.
      if (acceptsHtml(req)) this.file(req, res, index, false, 404)
      else sendJson(res, 404, NOT_FOUND)
      return
    }
    this.file(req, res, file, decoded.startsWith('/assets/'))
  }

  private file(
    req: IncomingMessage,
    res: ServerResponse,
    file: string,
    immutable: boolean,
    status = 200,
  ): void {
    const stat = fs.statSync(file)
    res.writeHead(status, {
      'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': stat.size,
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
    })
    if (req.method === 'HEAD') {
      res.end()
      return
    }
    fs.createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res)
  }
}
