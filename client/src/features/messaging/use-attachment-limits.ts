import { useEffect, useState } from 'react';
import type { AttachmentLimits } from '../../../../shared/schemas/messaging';
import type { FocalNetClient } from '../../../sdk/index';
import { useClient } from '../../services/client-context';

const loaded = new WeakMap<FocalNetClient, Promise<AttachmentLimits | undefined>>();

/** Asked once per tab; a failure is forgotten, so the next compose form asks again. */
function attachmentLimits(client: FocalNetClient): Promise<AttachmentLimits | undefined> {
  let limits = loaded.get(client);
  if (!limits) {
    limits = client.messages.attachmentLimits().catch(() => {
      loaded.delete(client);
      return undefined;
    });
    loaded.set(client, limits);
  }
  return limits;
}

/**
 * The server's attachment limits, or undefined until they arrive or when they cannot be loaded:
 * files are then accepted as chosen and the server's own refusal stands (sending is never
 * blocked on them).
 */
export function useAttachmentLimits(): AttachmentLimits | undefined {
  const client = useClient();
  const [limits, setLimits] = useState<AttachmentLimits>();
  useEffect(() => {
    let current = true;
    void attachmentLimits(client).then((answer) => {
      if (current) setLimits(answer);
    });
    return () => {
      current = false;
    };
  }, [client]);
  return limits;
}
