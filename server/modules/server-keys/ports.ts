import type { KeyTransition } from '../../../shared/crypto/key-transition-format.js';

/**
 * One generation of the server's signing keys: the pair every node signs with from `since` until
 * the next generation. Generation 1 is the first the deployment recorded.
 */
export interface KeyGeneration {
  generation: number;
  directoryKey: string;
  auditLogKey: string;
  since: Date;
  /**
   * How this generation took over: the previous keys' signed transitions (a renewal), none for
   * generation 1, or none with a reason for a replacement the previous keys did not endorse
   * (after they leaked).
   */
  transitions: KeyTransition[];
  /** A replacement without endorsement: what the operator gave as the reason. */
  replacedBecause?: string;
}

export interface KeyGenerationStore {
  /** Every generation, oldest first. */
  all(): Promise<KeyGeneration[]>;
  latest(): Promise<KeyGeneration | undefined>;
  /** Stores a new generation; false when another node stored that number first. */
  add(generation: KeyGeneration): Promise<boolean>;
}
