import { decryptAttachment } from '../../../shared/crypto/attachment-stream.js';
import { concatBytes } from '../../../shared/crypto/encoding.js';
import { MAX_RECEIPT_MSG_IDS } from '../../../shared/crypto/envelope-format.js';
import { receiptContent } from '../../../shared/crypto/receipt-format.js';
import { CryptoError } from '../../../shared/crypto/errors.js';
import { ReplayGuard } from '../../../shared/crypto/replay-guard.js';
import type { ExchangeKind, Labels } from '../../../shared/schemas/labels.js';
import type { JsonValue } from '../../../shared/crypto/canonical-json.js';
import {
  BacklogPage,
  DeliveredMessage,
  MessageStatusEvent,
  type SendMessageResult,
} from '../../../shared/schemas/messaging.js';
import { ApiError } from '../api-error.js';
import type { HistoryFilter, MessagesApi } from '../api/messages-api.js';
import type { KeyStore } from '../key-store.js';
import type { SessionManager } from '../session-manager.js';
import type { FocalNetSocket } from '../socket.js';
import type { ContactKeyring, KeyChange } from './contact-keys.js';
import { MAX_MESSAGE_TEXT, type AttachmentRef, type ReceiptContent } from './message-content.js';
import { openDelivered, type Me, type ReceivedMessage, type RejectedEnvelope } from './open-delivered.js';
import { newMsgId, sendHeldAware } from './send-held-aware.js';
import { resolveRecipients, sealOutgoing, uploadAttachments, type OutgoingAttachment } from './seal-outgoing.js';
import { sendUntilAcked, type RetryOptions } from './send-until-acked.js';
import type { DirectoryApi } from '../api/directory-api.js';
import { deputyCoverage, type AwayNotice } from '../duty/deputy-coverage.js';

export interface SendInput {
  /** Recipient user ids (focal points of the directory). */
  readonly to: readonly string[];
  readonly labels: Labels;
  readonly text: string;
  readonly threadId?: string;
  readonly attachments?: readonly OutgoingAttachment[];
  /** Also seal to the deputies of recipients who are away (default true). */
  readonly alsoToDeputies?: boolean;
}

export interface SentMessage extends SendMessageResult {
  readonly msgId: string;
  readonly attachments: readonly AttachmentRef[];
  /** Recipients who were away: whose deputy also received the message, or why not. */
  readonly away: readonly AwayNotice[];
}

/** A read receipt that reached me: `by` read my messages `msgIds`. */
export interface ReadReceipt {
  readonly by: string;
  readonly msgIds: readonly string[];
  readonly at: number;
}

export interface HistoryPage {
  /** Newest first, receipts left out. */
  readonly messages: ReceivedMessage[];
  readonly receipts: ReadReceipt[];
  readonly rejected: RejectedEnvelope[];
  /** Pass `before` and `beforeId` for the next (older) page; both absent when this was the last. */
  readonly before?: string;
  readonly beforeId?: string;
}

interface MessengerEvents {
  /** A new verified message (not receipts), each (sender, msgId) once. */
  message: ReceivedMessage;
  receipt: ReadReceipt;
  /** Delivered to a recipient's device, or a held message released/rejected/expired. */
  status: MessageStatusEvent;
  /** An envelope that failed verification or decryption; it is acknowledged so it does not block the queue. */
  rejected: RejectedEnvelope;
  'key-changed': KeyChange;
  /** Fetching or acknowledging the backlog failed; it is tried again on the next connection or nudge. */
  error: Error;
  /** The server left out pushes to this socket (it fell behind): statuses shown may be stale, reload them. The queue is drained by itself. */
  behind: undefined;
}
type Listener<K extends keyof MessengerEvents> = (value: MessengerEvents[K]) => void;

export interface Messenger {
  /** Listens on the socket and drains the backlog on every (re)connection and every `sync:behind` nudge. */
  start(): void;
  stop(): void;
  on<K extends keyof MessengerEvents>(event: K, listener: Listener<K>): () => void;
  /** Encrypts, uploads attachments, seals and sends, retrying with the same msgId until the server acks. */
  send(input: SendInput): Promise<SentMessage>;
  /** Sends signed read receipts to the senders of these messages (mine and receipts are skipped). */
  markRead(messages: readonly ReceivedMessage[]): Promise<void>;
  /** Fetches and processes the whole backlog now, page by page (also done on every connect). */
  drain(): Promise<void>;
  /** One page of history, decrypted here (my sent copies included). */
  history(filter?: HistoryFilter): Promise<HistoryPage>;
  /** Downloads and decrypts an attachment; refuses streams that end without their final chunk. */
  downloadAttachment(ref: AttachmentRef): Promise<Uint8Array>;
  readonly keys: ContactKeyring;
}

export interface MessengerDeps {
  session: SessionManager;
  keyStore: KeyStore;
  messages: MessagesApi;
  keyring: ContactKeyring;
  socket: FocalNetSocket;
  /** To add the deputies of away recipients; without it messages go to `to` only. */
  directory?: DirectoryApi;
}

export interface MessengerOptions extends RetryOptions {
  /** Backlog page size, 1–200; default 50. */
  pageSize?: number;
  /** ms since the epoch for envelope timestamps; default Date.now. */
  now?: () => number;
}

export function createMessenger(deps: MessengerDeps, options: MessengerOptions = {}): Messenger {
  const { session, keyStore, messages, keyring, socket } = deps;
  const now = options.now ?? (() => Date.now());
  const pageSize = options.pageSize ?? 50;
  const ackTimeoutMs = options.ackTimeoutMs ?? 10_000;
  const guard = new ReplayGuard();
  const listeners = new Map<keyof MessengerEvents, Set<(value: never) => void>>();
  const emit = <K extends keyof MessengerEvents>(event: K, value: MessengerEvents[K]): void => {
    for (const listener of listeners.get(event) ?? []) (listener as Listener<K>)(value);
  };
  // One task at a time, so backlog pages and live pushes are handled in order and de-duplicated.
  let queue: Promise<void> = Promise.resolve();
  const serially = (task: () => Promise<void>): Promise<void> => {
    const run = queue.then(task);
    queue = run.catch((error: unknown) => emit('error', error instanceof Error ? error : new Error(String(error))));
    return run;
  };

  const me = (): Me & { state: string } => {
    const user = session.current()?.user;
    if (!user?.state) throw new ApiError(401, 'auth.unauthenticated', 'sign in as a focal point first');
    const unlocked = keyStore.get();
    if (!unlocked || unlocked.username !== user.username)
      throw new ApiError(0, 'client.keys-locked', 'unlock your keys first');
    return { userId: user.id, state: user.state, keys: unlocked.keys };
  };

  const rejectedIds = new ReplayGuard();
  /**
   * Opens first and records (sender, msgId) only after the signature verified: a failure to reach
   * the directory throws before anything is recorded, so the retry shows the message; and a
   * forged envelope cannot use up a genuine msgId.
   */
  const handle = async (delivered: DeliveredMessage): Promise<void> => {
    const { header } = delivered.envelope;
    const result = await openDelivered(delivered, me(), keyring);
    if (!result.ok) {
      if (rejectedIds.accept('', delivered.id)) emit('rejected', result.rejected);
      return;
    }
    if (!guard.accept(header.from.userId, header.msgId)) return;
    const { message } = result;
    if (message.receipt)
      emit('receipt', { by: message.from.userId, msgIds: message.receipt.read, at: message.receipt.at });
    else emit('message', message);
  };

  const ack = async (ids: string[]): Promise<void> => {
    const result = await socket.timeout(ackTimeoutMs).emitWithAck('message:ack', { ids });
    if (!result.ok) throw new ApiError(0, result.error.code, result.error.message);
  };

  const drainNow = async (): Promise<void> => {
    for (;;) {
      const answer = await socket.timeout(ackTimeoutMs).emitWithAck('message:fetch', { limit: pageSize });
      if (!answer.ok) throw new ApiError(0, answer.error.code, answer.error.message);
      const page = BacklogPage.parse(answer.data);
      for (const delivered of page.messages) await handle(delivered);
      if (page.messages.length > 0) await ack(page.messages.map((m) => m.id));
      if (!page.more) return;
    }
  };

  const onNew = (raw: unknown): void => {
    const parsed = DeliveredMessage.safeParse(raw);
    if (!parsed.success) return;
    void serially(async () => {
      await handle(parsed.data);
      await ack([parsed.data.id]);
    });
  };
  const onStatus = (raw: unknown): void => {
    const parsed = MessageStatusEvent.safeParse(raw);
    if (parsed.success) emit('status', parsed.data);
  };
  const onConnect = (): void => void serially(drainNow);
  const onBehind = (): void => {
    emit('behind', undefined);
    onConnect();
  };
  let unsubscribeKeys: (() => void) | undefined;

  /** Seals and sends without asking who approves: a held exchange is re-sealed to the approvers the server names. */
  const deliver = async (
    exchange: {
      kind: ExchangeKind;
      to: readonly string[];
      labels: Labels;
      content: JsonValue;
      threadId?: string | undefined;
      ts?: number;
      receiptOf?: readonly string[];
    },
    attachmentIds: string[],
  ): Promise<SendMessageResult & { msgId: string }> => {
    const self = me();
    const recipients = await resolveRecipients(keyring, exchange.to);
    const { kind, labels, content, threadId, receiptOf } = exchange;
    const ts = exchange.ts ?? now();
    const msgId = newMsgId();
    const result = await sendHeldAware(
      (id, approvers) =>
        sealOutgoing(self, recipients, {
          kind,
          labels,
          content,
          ts,
          msgId: id,
          approvers,
          ...(threadId === undefined ? {} : { threadId }),
          ...(receiptOf === undefined ? {} : { receiptOf }),
        }),
      (envelope) => sendUntilAcked(socket, { envelope, attachmentIds }, options),
      msgId,
    );
    return { ...result, msgId };
  };

  return {
    keys: keyring,
    start() {
      socket.on('message:new', onNew);
      socket.on('message:status', onStatus);
      socket.on('connect', onConnect);
      socket.on('sync:behind', onBehind);
      unsubscribeKeys = keyring.onKeyChanged((change) => emit('key-changed', change));
      if (socket.connected) onConnect();
    },
    stop() {
      socket.off('message:new', onNew);
      socket.off('message:status', onStatus);
      socket.off('connect', onConnect);
      socket.off('sync:behind', onBehind);
      unsubscribeKeys?.();
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (value: never) => void);
      return () => void set.delete(listener as (value: never) => void);
    },
    async send(input) {
      me(); // signed in and unlocked before anything is uploaded
      // Refused here, as the recipient's client would refuse it after the server stored it.
      if (input.text.length > MAX_MESSAGE_TEXT)
        throw new ApiError(
          0,
          'validation.failed',
          `the text is ${input.text.length.toLocaleString('en')} characters: at most ${MAX_MESSAGE_TEXT.toLocaleString('en')} fit in one message`,
        );
      const coverage =
        deps.directory && input.alsoToDeputies !== false
          ? await deputyCoverage(deps.directory, input.to, input.labels.domain)
          : { deputies: [], away: [] };
      const attachments = await uploadAttachments(messages, input.attachments ?? []);
      const content = { text: input.text, attachments };
      const to = [...input.to, ...coverage.deputies];
      const result = await deliver(
        { kind: 'message', to, labels: input.labels, content, threadId: input.threadId },
        attachments.map((a) => a.id),
      );
      return { ...result, attachments, away: coverage.away };
    },
    async markRead(read) {
      // One receipt per sender, labels and thread, as the relay requires: it checks that each
      // message named in receiptOf came from the receipt's recipient to me with these labels,
      // and then relays the receipt whatever the disclosure policies say.
      const groups = new Map<string, ReceivedMessage[]>();
      for (const message of read) {
        if (message.outgoing || message.kind !== 'message') continue;
        const key = JSON.stringify([message.from.userId, message.labels, message.threadId ?? null]);
        groups.set(key, [...(groups.get(key) ?? []), message]);
      }
      for (const group of groups.values()) {
        const first = group[0];
        if (!first) continue;
        const msgIds = [...new Set(group.map((m) => m.msgId))];
        for (let start = 0; start < msgIds.length; start += MAX_RECEIPT_MSG_IDS) {
          const receiptOf = msgIds.slice(start, start + MAX_RECEIPT_MSG_IDS);
          const ts = now();
          const content: ReceiptContent = receiptContent({ receiptOf, ts });
          await deliver(
            {
              kind: 'receipt',
              to: [first.from.userId],
              labels: first.labels,
              content: { ...content },
              threadId: first.threadId,
              ts,
              receiptOf,
            },
            [],
          );
        }
      }
    },
    drain: () => serially(drainNow),
    async history(filter = {}) {
      const self = me();
      const raw = await messages.history(filter);
      const page: { messages: ReceivedMessage[]; receipts: ReadReceipt[]; rejected: RejectedEnvelope[] } = {
        messages: [],
        receipts: [],
        rejected: [],
      };
      for (const delivered of raw) {
        const result = await openDelivered(delivered, self, keyring);
        if (!result.ok) page.rejected.push(result.rejected);
        else if (result.message.receipt)
          page.receipts.push({
            by: result.message.from.userId,
            msgIds: result.message.receipt.read,
            at: result.message.receipt.at,
          });
        else page.messages.push(result.message);
      }
      const oldest = raw.at(-1);
      const full = raw.length === (filter.limit ?? 50);
      return { ...page, ...(full && oldest ? { before: oldest.storedAt, beforeId: oldest.id } : {}) };
    },
    async downloadAttachment(ref) {
      const ciphertext = await messages.downloadAttachment(ref.id);
      const parts: Uint8Array[] = [];
      for await (const part of decryptAttachment([ciphertext], ref)) parts.push(part);
      const bytes = concatBytes(...parts);
      if (bytes.length !== ref.size)
        throw new CryptoError('crypto.malformed', `attachment is ${bytes.length} bytes, the message says ${ref.size}`);
      return bytes;
    },
  };
}
