import { toDataURL } from 'qrcode';
import { useEffect, useState } from 'react';

/** A QR code as a data: image (the page's CSP allows data: images, nothing remote). */
export function QrCode({ text, alt, size = 184 }: { text: string; alt: string; size?: number }) {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    let live = true;
    toDataURL(text, { margin: 1, width: size, errorCorrectionLevel: 'M' }).then(
      (next) => {
        if (live) setUrl(next);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [text, size]);
  return url ? (
    <img className="qr" src={url} alt={alt} width={size} height={size} />
  ) : (
    <div className="qr" style={{ width: size, height: size }} />
  );
}
