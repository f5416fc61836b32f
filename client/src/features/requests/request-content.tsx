import { REQUEST_TEMPLATES, isRequestKind, requestFieldsSchema } from '../../../../shared/requests/templates';
import type { ReceivedMessage, RejectedEnvelope } from '../../../sdk/index';
import { ProtectedText } from './protected-text';
import { useRequestLabels, type RequestLabels } from './use-request-labels';

/** "Label: value" lines of a request's fields, in the current language, in template order; undefined when not a request or not matching its template. */
export function fieldLines(kind: string, content: unknown, l: RequestLabels): string[] | undefined {
  if (!isRequestKind(kind)) return undefined;
  const parsed = requestFieldsSchema(kind).safeParse(content);
  if (!parsed.success) return undefined;
  const fields = parsed.data as Record<string, string | string[] | undefined>;
  const lines: string[] = [];
  for (const field of REQUEST_TEMPLATES[kind].fields) {
    const value = fields[field.name];
    if (value === undefined) continue;
    const shown =
      field.type === 'states' && Array.isArray(value)
        ? value.map((s) => l.state(s)).join(', ')
        : field.type === 'state' && typeof value === 'string'
          ? l.state(value)
          : field.type === 'select'
            ? (field.options?.find((o) => o.value === value)?.label[l.language] ?? String(value))
            : String(value);
    lines.push(`${field.label[l.language]}: ${shown}`);
  }
  return lines;
}

/** The decrypted request, field by field; what could not be read says why. */
export function RequestContent({
  kind,
  message,
  rejected,
}: {
  kind: string;
  message: ReceivedMessage | undefined;
  rejected: RejectedEnvelope | undefined;
}) {
  const l = useRequestLabels();
  if (rejected)
    return (
      <p className="field-error" data-testid="request-rejected">
        {l.r('case.rejected', { reason: rejected.reason })}
      </p>
    );
  if (!message)
    return (
      <p className="hint" data-testid="request-unreadable">
        {l.r('case.notReadable')}
      </p>
    );
  const lines = fieldLines(kind, message.content, l);
  if (!lines)
    return (
      <p className="field-error" data-testid="request-rejected">
        {l.r('case.rejected', { reason: 'content does not match the template' })}
      </p>
    );
  return (
    <div className="request-content" data-testid="request-content">
      <ProtectedText message={message} text={lines.join('\n')} name={`request-${message.id}`} />
    </div>
  );
}
