import { createHash } from 'node:crypto';
import {
  consistencyProof,
  inclusionProof,
  memoryTreeHashes,
  treeRoot,
  type Sha256,
} from '../../../../../shared/audit/merkle.js';
import { treeHeadSignedBytes, type SignedTreeHead } from '../../../../../shared/audit/tree-head.js';
import { fromBase64Url, toBase64Url } from '../../../../../shared/crypto/encoding.js';
import { keyTransitionSignedBytes, type KeyTransition } from '../../../../../shared/crypto/key-transition-format.js';
import { getSodium } from '../../../../../shared/crypto/sodium.js';
import type { AuditEntryView } from '../../../../../shared/schemas/accounts.js';
import type { DiscrepancyReport, WitnessRequest } from '../../../../../shared/schemas/audit-log.js';
import { ApiError } from '../../../../../client/sdk/api-error.js';
import type { AuditLogApi } from '../../../../../client/sdk/api/audit-log-api.js';
import { entryLeafHash } from '../../../../../client/sdk/audit-log/verify-inclusion.js';

export const sha256: Sha256 = (data) => new Uint8Array(createHash('sha256').update(data).digest());

const ID = '0123456789abcdef01234567';

export function auditEntry(seq: number, data: Record<string, unknown> = { n: seq }): AuditEntryView {
  const entry = {
    seq,
    at: new Date(Date.UTC(2026, 11, 1, 0, 0, seq)).toISOString(),
    type: 'auth.signed-in',
    actorId: ID,
    state: 'KZ',
    subjectId: null,
    data,
    leafHash: '',
  };
  return { ...entry, leafHash: entryLeafHash(sha256, entry) };
}

/**
 * The audit log endpoints over an in-memory tree of real entries, signed with a real Ed25519 key:
 * tests append, cut and rewrite it, and see what the client was sent.
 */
export class FakeAuditLog implements AuditLogApi {
  entries: AuditEntryView[] = [];
  reports: DiscrepancyReport[] = [];
  witnesses: WitnessRequest[] = [];
  /** Fails every call with no answer (the network). */
  offline = false;
  /** Refuses consistency proofs with this error. */
  refuseProofs: ApiError | undefined;
  refuseReports = false;
  transitions: KeyTransition[] = [];

  private constructor(
    private secretKey: Uint8Array,
    public publishedKey: string,
  ) {}

  static async create(size = 0): Promise<FakeAuditLog> {
    const sodium = await getSodium();
    const pair = sodium.crypto_sign_keypair();
    const log = new FakeAuditLog(pair.privateKey, toBase64Url(pair.publicKey));
    log.append(size);
    return log;
  }

  append(count: number): void {
    for (let i = 0; i < count; i++) this.entries.push(auditEntry(this.entries.length + 1));
  }

  /** Signs from now on with another key, published in the directory in place of the first. */
  async replaceKey(): Promise<void> {
    const pair = (await getSodium()).crypto_sign_keypair();
    this.secretKey = pair.privateKey;
    this.publishedKey = toBase64Url(pair.publicKey);
  }

  /** As replaceKey, with a transition to the new key signed by `endorser` (default: the key it replaces). */
  async renewKey(endorser: Uint8Array = this.secretKey): Promise<void> {
    const sodium = await getSodium();
    const from = this.publishedKey;
    await this.replaceKey();
    const unsigned = { purpose: 'audit-log' as const, from, to: this.publishedKey, at: new Date().toISOString() };
    const signature = toBase64Url(sodium.crypto_sign_detached(keyTransitionSignedBytes(unsigned), endorser));
    this.transitions.push({ ...unsigned, signature });
  }

  /** The signing key now: to endorse with it later, or to forge with another. */
  get currentSecretKey(): Uint8Array {
    return this.secretKey;
  }

  private hashes() {
    return memoryTreeHashes(
      sha256,
      this.entries.map((entry) => fromBase64Url(entry.leafHash)),
    );
  }

  async signedHead(size = this.entries.length): Promise<SignedTreeHead> {
    const root = toBase64Url(await treeRoot(sha256, this.hashes(), size));
    const head = { size, root, at: new Date(Date.UTC(2026, 11, 2, 0, 0, size)).toISOString() };
    const sodium = await getSodium();
    return { ...head, signature: toBase64Url(sodium.crypto_sign_detached(treeHeadSignedBytes(head), this.secretKey)) };
  }

  private online(): void {
    if (this.offline) throw new ApiError(0, 'client.network', 'the server cannot be reached: offline');
  }

  async head() {
    this.online();
    return { head: await this.signedHead(), logKey: this.publishedKey, witnesses: [] };
  }

  async consistency(from: number) {
    this.online();
    if (this.refuseProofs) throw this.refuseProofs;
    const size = this.entries.length;
    if (from > size) throw new ApiError(400, 'validation.failed', `no head of size ${from}`);
    const proof = await consistencyProof(sha256, this.hashes(), from, size);
    return { from, head: await this.signedHead(), proof: proof.map(toBase64Url) };
  }

  async inclusion(seq: number, size: number) {
    this.online();
    const proof = await inclusionProof(sha256, this.hashes(), seq - 1, size);
    return { entry: this.entries[seq - 1]!, index: seq - 1, size, proof: proof.map(toBase64Url) };
  }

  witness(request: WitnessRequest): Promise<void> {
    this.online();
    this.witnesses.push(request);
    return Promise.resolve();
  }

  reportDiscrepancy(report: DiscrepancyReport): Promise<void> {
    this.online();
    if (this.refuseReports) return Promise.reject(new ApiError(500, 'internal', 'down'));
    this.reports.push(report);
    return Promise.resolve();
  }

  logKey(): Promise<string> {
    this.online();
    return Promise.resolve(this.publishedKey);
  }

  keyTransitions(): Promise<KeyTransition[]> {
    this.online();
    return Promise.resolve(this.transitions);
  }
}
