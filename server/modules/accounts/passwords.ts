import argon2 from 'argon2';

// Only accounts made before OPAQUE have a password hash, until their next sign-in upgrades them.

/** argon2id with the library's defaults (64 MiB, t=3, p=4), run off the event loop by the binding. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

// A real hash to verify against when there is none, so every refusal costs the same time.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(hash: string | undefined, password: string): Promise<boolean> {
  try {
    return await argon2.verify(
      hash ?? (await (dummyHash ??= hashPassword('focalnet-timing-equaliser-not-a-password'))),
      password,
    );
  } catch {
    return false;
  }
}
