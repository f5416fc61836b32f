import { useTranslation } from 'react-i18next';
import { fileSize } from '../lib/file-size';

/** Sizes in the interface language: "90 KB", "1,4 МБ". */
export function useFileSize(): (bytes: number) => string {
  const { t, i18n } = useTranslation();
  return (bytes) => {
    const { unit, size } = fileSize(bytes, i18n.language);
    return t(`messaging.attachments.size.${unit}`, { size });
  };
}
