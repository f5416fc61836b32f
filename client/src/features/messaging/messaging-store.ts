import type { BilingualText, EntryView } from '../../../../shared/schemas/directory';
import type {
  FocalNetClient,
  HistoryPage,
  KeyChange,
  Messenger,
  ReceivedMessage,
  RejectedEnvelope,
  SendInput,
  SentMessage,
} from '../../../sdk/index';
import { holdSocket } from '../../services/tab-socket';

/** What the messaging screens show, replaced (never mutated) on each change for useSyncExternalStore. */
export interface MessagingState {
  readonly connected: boolean;
  /** Messages that arrived in this tab, oldest first. */
  readonly incoming: readonly ReceivedMessage[];
  /** My sends in this tab by msgId: accepted or held. */
  readonly sent: ReadonlyMap<string, SentMessage>;
  /** Server id → recipients whose device acknowledged it. */
  readonly delivered: ReadonlyMap<string, readonly string[]>;
  /** msgId → recipients who sent a read receipt. */
  readonly read: ReadonlyMap<string, readonly string[]>;
  /** msgIds I sent a read receipt for. */
  readonly receipted: ReadonlySet<string>;
  readonly rejected: readonly RejectedEnvelope[];
  readonly keyChanges: readonly KeyChange[];
  /** Directory names by user id, filled as they are looked up. */
  readonly names: ReadonlyMap<string, BilingualText>;
  /** Who they are, from the same lookup (as the directory lets this reader see it): to call back. */
  readonly people: ReadonlyMap<string, ContactFacts>;
  /** The latest page of history, read once per tab for the unread count (loadRecent). */
  readonly recent: readonly ReceivedMessage[];
  /** Server ids of my messages released by the approving admins since they were read as held. */
  readonly released: ReadonlySet<string>;
  /** Counts the server's `sync:behind` nudges: statuses may have been missed, screens reread their history. */
  readonly resyncs: number;
}

/** A correspondent's authority, whether a duty desk, and state. */
export type ContactFacts = Pick<EntryView, 'authority' | 'kind' | 'state'>;

const EMPTY: MessagingState = {
  connected: false,
  incoming: [],
  sent: new Map(),
  delivered: new Map(),
  read: new Map(),
  receipted: new Set(),
  rejected: [],
  keyChanges: [],
  names: new Map(),
  people: new Map(),
  recent: [],
  released: new Set(),
  resyncs: 0,
};

const addTo = (
  map: ReadonlyMap<string, readonly string[]>,
  key: string,
  values: readonly string[],
): Map<string, readonly string[]> => {
  const next = new Map(map);
  next.set(key, [...new Set([...(map.get(key) ?? []), ...values])]);
  return next;
};

/**
 * One Messenger per signed-in tab, on the tab's shared socket, used by every messaging screen, so
 * statuses and receipts that arrive while another screen is open are not lost. Stops on sign-out.
 */
export class MessagingStore {
  private state: MessagingState = EMPTY;
  private readonly listeners = new Set<() => void>();
  private releaseSocket: (() => void) | undefined;
  private messenger: Messenger | undefined;
  private readonly lookups = new Set<string>();
  private recentLoad: Promise<void> | undefined;

  constructor(private readonly client: FocalNetClient) {
    client.keyStore.subscribe(() => {
      if (!client.keyStore.get()) this.stop();
    });
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly snapshot = (): MessagingState => this.state;

  private update(change: (state: MessagingState) => Partial<MessagingState>): void {
    this.state = { ...this.state, ...change(this.state) };
    for (const listener of this.listeners) listener();
  }

  /** The running messenger, started on first use. */
  ensure(): Messenger {
    if (this.messenger) return this.messenger;
    const { socket, release } = holdSocket(this.client);
    const messenger = this.client.messenger(socket);
    const onConnect = (): void => this.update(() => ({ connected: true }));
    const onDisconnect = (): void => this.update(() => ({ connected: false }));
    socket.on('connect', onConnect);
    socket.on('disconnect', onDisconnect);
    // The socket may be up already (another part of the tab holds it).
    if (socket.connected) onConnect();
    messenger.on('message', (message) => this.update((s) => ({ incoming: [...s.incoming, message] })));
    messenger.on('receipt', (receipt) =>
      this.update((s) => {
        let read = s.read;
        for (const msgId of receipt.msgIds) read = addTo(read, msgId, [receipt.by]);
        return { read };
      }),
    );
    messenger.on('status', (event) => {
      if (event.status === 'delivered' && event.userId)
        this.update((s) => ({ delivered: addTo(s.delivered, event.id, [event.userId ?? '']) }));
      if (event.status === 'released') this.update((s) => ({ released: new Set([...s.released, event.id]) }));
    });
    messenger.on('behind', () => this.update((s) => ({ resyncs: s.resyncs + 1 })));
    messenger.on('rejected', (rejected) => this.update((s) => ({ rejected: [...s.rejected, rejected] })));
    messenger.on('key-changed', () => this.update(() => ({ keyChanges: this.client.contactKeys.changes() })));
    messenger.start();
    this.releaseSocket = () => {
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
      release();
    };
    this.messenger = messenger;
    return messenger;
  }

  stop(): void {
    this.messenger?.stop();
    this.releaseSocket?.();
    this.messenger = undefined;
    this.releaseSocket = undefined;
    this.lookups.clear();
    this.recentLoad = undefined;
    this.update(() => EMPTY);
  }

  async send(input: SendInput): Promise<SentMessage> {
    const sent = await this.ensure().send(input);
    this.update((s) => ({ sent: new Map(s.sent).set(sent.msgId, sent) }));
    return sent;
  }

  /** Sends receipts for incoming messages not receipted yet in this tab. */
  async markRead(messages: readonly ReceivedMessage[]): Promise<void> {
    const unread = messages.filter((m) => !m.outgoing && m.kind === 'message' && !this.state.receipted.has(m.msgId));
    if (unread.length === 0) return;
    this.update((s) => ({ receipted: new Set([...s.receipted, ...unread.map((m) => m.msgId)]) }));
    await this.ensure().markRead(unread);
  }

  /** A page of history; its receipts count as read marks, and what the server recorded as delivered counts as delivered. */
  async history(filter: { with?: string; before?: string; beforeId?: string; limit?: number }): Promise<HistoryPage> {
    const page = await this.ensure().history(filter);
    this.update((s) => {
      let { delivered } = s;
      for (const message of page.messages)
        if (message.deliveredTo?.length)
          delivered = addTo(
            delivered,
            message.id,
            message.deliveredTo.map((d) => d.userId),
          );
      let read = s.read;
      for (const receipt of page.receipts) for (const msgId of receipt.msgIds) read = addTo(read, msgId, [receipt.by]);
      // My own receipts in the history: those messages need no second receipt.
      const mine = page.receipts
        .filter((r) => r.by === this.client.session.current()?.user.id)
        .flatMap((r) => r.msgIds);
      return {
        delivered,
        read,
        receipted: new Set([...s.receipted, ...mine]),
        keyChanges: this.client.contactKeys.changes(),
      };
    });
    return page;
  }

  /** Reads the latest page of history once (again after a failure), so messages received earlier but never read count as unread. */
  loadRecent(): Promise<void> {
    this.recentLoad ??= this.history({ limit: 100 }).then(
      (page) => this.update(() => ({ recent: page.messages })),
      () => {
        this.recentLoad = undefined;
      },
    );
    return this.recentLoad;
  }

  download(message: ReceivedMessage, index: number): Promise<Uint8Array> {
    const ref = message.attachments[index];
    if (!ref) throw new RangeError('no such attachment');
    return this.ensure().downloadAttachment(ref);
  }

  acceptKey(userId: string): void {
    this.client.contactKeys.accept(userId);
    this.update(() => ({ keyChanges: this.client.contactKeys.changes() }));
  }

  /** Looks the person up in the directory once; also checks their key for changes. */
  lookUp(userId: string): void {
    if (this.lookups.has(userId) || userId === this.client.session.current()?.user.id) return;
    this.lookups.add(userId);
    this.client.directory.entry(userId).then(
      (entry) =>
        this.update((s) => ({
          names: new Map(s.names).set(userId, entry.name),
          people: new Map(s.people).set(userId, {
            authority: entry.authority,
            kind: entry.kind,
            state: entry.state,
          }),
        })),
      () => this.lookups.delete(userId),
    );
    this.client.contactKeys.resolve(userId).then(
      () => this.update(() => ({ keyChanges: this.client.contactKeys.changes() })),
      () => undefined,
    );
  }
}

const stores = new WeakMap<FocalNetClient, MessagingStore>();

export function messagingStoreOf(client: FocalNetClient): MessagingStore {
  let store = stores.get(client);
  if (!store) {
    store = new MessagingStore(client);
    stores.set(client, store);
  }
  return store;
}
