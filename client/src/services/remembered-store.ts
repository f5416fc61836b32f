// IndexedDB, one record: the session and unlocked keys of this browser's remembered person,
// encrypted (AES-GCM) under a WebCrypto key made non-extractable, stored beside it. Script on the
// page can use the key but never read it out, and nothing readable is on disk.

const DB_NAME = 'focalnet';
const STORE = 'remembered';
const RECORD_ID = 'this-browser';

interface SealedRecord {
  id: typeof RECORD_ID;
  key: CryptoKey;
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB did not open'));
  });
}

async function withStore<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const request = act(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB write failed'));
    });
  } finally {
    db.close();
  }
}

/** Seals `value` (JSON) under a fresh non-extractable key and stores both, replacing any earlier record and key. */
export async function storeSealed(value: unknown): Promise<void> {
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv },
    key,
    new TextEncoder().encode(JSON.stringify(value)),
  );
  await withStore('readwrite', (store) => store.put({ id: RECORD_ID, key, iv, data } satisfies SealedRecord));
}

/** The stored value, or undefined when there is none or it does not open (then it is erased). */
export async function loadSealed(): Promise<unknown> {
  const record = await withStore<SealedRecord | undefined>(
    'readonly',
    (store) => store.get(RECORD_ID) as IDBRequest<SealedRecord | undefined>,
  );
  if (!record) return undefined;
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: record.iv }, record.key, record.data);
    return JSON.parse(new TextDecoder().decode(plain));
  } catch {
    await eraseSealed();
    return undefined;
  }
}

/** Deletes the record and its key. */
export async function eraseSealed(): Promise<void> {
  await withStore('readwrite', (store) => store.delete(RECORD_ID));
}
