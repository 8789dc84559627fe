// `pnpm dev`: the server from source (restarts on change) and the Vite dev server
// with hot reload, which proxies /api and /ws to it. Ctrl-C stops both.
import { spawn } from 'node:child_process'

const port = process.env.PORT ?? '8080'
const children = [
  spawn(process.execPath, ['--import', 'tsx', '--watch', 'server/src/main.ts'], {
    stdio: 'inherit',
    env: { ...process.env, PORT: port },
  }),
  spawn(process.execPath, ['node_modules/vite/bin/vite.js'], {
    cwd: 'client',
    stdio: 'inherit',
    env: { ...process.env, MERIDIAN_SERVER: `http://127.0.0.1:${port}` },
  }),
]

function stop() {
  for (const child of children) child.kill('SIGTERM')
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
for (const child of children)
  child.on('exit', (code) => {
    if (code && code !== 0) stop()
  })
