import nodemailer from 'nodemailer';

/** How to reach the SMTP server (env SMTP_*). */
export interface SmtpSettings {
  host: string;
  port: number;
  /** `tls`: TLS from the first byte (port 465); `starttls`: upgrade required (587); `none`: plain (a relay on loopback). */
  security: 'tls' | 'starttls' | 'none';
  user: string | undefined;
  password: string | undefined;
  /** The sender, e.g. `FocalNet <alerts@focalnet.example>`. */
  from: string;
}

/** One mail as handed to SMTP: nothing else leaves the server. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** Deterministic per queued item (`<id@host>`): a receiver can drop a duplicate. */
  messageId: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** The SMTP server refused the recipient (5xx): sending again will not help. */
export class MailRefusedError extends Error {
  override readonly name = 'MailRefusedError';
}

/** Well under the outbox's lease (5 min), so a stalled server costs one attempt, not the lease. */
const TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 };

export function createSmtpMailer(settings: SmtpSettings): Mailer {
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.security === 'tls',
    requireTLS: settings.security === 'starttls',
    ignoreTLS: settings.security === 'none',
    ...(settings.user ? { auth: { user: settings.user, pass: settings.password ?? '' } } : {}),
    ...TIMEOUTS,
  });
  return {
    async send(mail) {
      try {
        await transport.sendMail({
          from: settings.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          messageId: mail.messageId,
          // Alerts are not worth an out-of-office reply (RFC 3834).
          headers: { 'Auto-Submitted': 'auto-generated' },
        });
      } catch (error) {
        if (refusedRecipient(error)) throw new MailRefusedError(describe(error));
        throw error;
      }
    },
    close: () => transport.close(),
  };
}

function refusedRecipient(error: unknown): boolean {
  const { code, responseCode } = (error ?? {}) as { code?: string; responseCode?: number };
  return code === 'EENVELOPE' && typeof responseCode === 'number' && responseCode >= 500;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
