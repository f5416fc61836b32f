import type { z } from 'zod';
import type { FieldIssue } from '../../shared/errors.js';

/** A schema's complaints as the API reports them (HTTP bodies and socket acks alike), under `where`. */
export function toFieldIssues(where: string, error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: [where, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
    message: issue.message,
  }));
}
