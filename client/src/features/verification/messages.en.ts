/** English strings of safety numbers: the catalogue's top-level keys `safety`. */
export const verificationEn = {
  safety: {
    label: 'Safety number',
    qrAlt: 'Safety number as a QR code',
  },
} as const;
