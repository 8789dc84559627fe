// The import worker from source (tsx, vitest): registers tsx in the worker thread, whose
// loader hooks the parent's do not reach, then runs importWorker.ts.
import { register } from 'tsx/esm/api'

register()
await import('./importWorker.ts')
