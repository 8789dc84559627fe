// The named schemas of the contract: each becomes `#/components/schemas/<id>` in the OpenAPI
// description, and a reference wherever another schema uses it. A registry of our own, not
// zod's global one, so that schemas named elsewhere (packages/model) stay out of it.
import { z } from 'zod'

export const SCHEMAS = z.registry<{ id: string }>()

export function named<S extends z.ZodType>(id: string, schema: S): S {
  SCHEMAS.add(schema, { id })
  return schema
}
