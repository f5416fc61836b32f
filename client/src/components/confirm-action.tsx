import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from './field';
import { FormError } from './form-error';

export interface ConfirmActionProps {
  /** The button that opens the dialog (e.g. "Object"). */
  label: string;
  /** The dialog's question (e.g. "Object to this proposal?"). */
  title: string;
  /** The confirm button: names the action and its consequence. */
  confirm: string;
  /** When others read a reason: its label; the reason is then required. */
  reasonLabel?: string;
  reasonHint?: string;
  /** Said when the reason is missing (default: others will read it). */
  reasonRequired?: string;
  /** What the reason field starts with (e.g. a comment already typed next to the button). */
  initialReason?: string;
  className?: string;
  disabled?: boolean;
  /** Does the action; a rejection is shown in the dialog, which stays open. */
  onConfirm: (reason: string | undefined) => Promise<unknown>;
}

/**
 * A button for an irreversible action: it opens a modal <dialog> (the browser keeps focus inside
 * and Escape cancels) asking to confirm, and for a reason when others will read one.
 */
export function ConfirmAction({
  label,
  title,
  confirm,
  reasonLabel,
  reasonHint,
  reasonRequired,
  initialReason,
  className,
  disabled,
  onConfirm,
}: ConfirmActionProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [missingReason, setMissingReason] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  const close = (): void => {
    setOpen(false);
    setReason('');
    setMissingReason(false);
    setError(undefined);
  };
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const text = reason.trim();
    if (reasonLabel && text === '') {
      setMissingReason(true);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await onConfirm(reasonLabel ? text : undefined);
      close();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button
        type="button"
        className={className}
        disabled={disabled}
        onClick={() => {
          setReason(initialReason ?? '');
          setOpen(true);
        }}
      >
        {label}
      </button>
      <dialog
        ref={dialog}
        className="confirm-dialog"
        aria-labelledby={titleId}
        onCancel={(event) => {
          // Escape: the browser would close it behind React's back.
          event.preventDefault();
          if (!busy) close();
        }}
        data-testid="confirm-dialog"
      >
        {open && (
          <form className="form" onSubmit={(event) => void submit(event)} noValidate>
            <h2 id={titleId}>{title}</h2>
            {reasonLabel && (
              <Field
                label={reasonLabel}
                {...(reasonHint ? { hint: reasonHint } : {})}
                error={missingReason && (reasonRequired ?? t('common.reasonRequired'))}
              >
                {(field) => (
                  <textarea
                    {...field}
                    name="confirm-reason"
                    rows={3}
                    maxLength={2000}
                    required
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                    disabled={busy}
                    autoFocus
                  />
                )}
              </Field>
            )}
            <FormError error={error} />
            <div className="actions">
              <button type="submit" className="danger" disabled={busy} data-testid="confirm-action">
                {confirm}
              </button>
              <button type="button" className="secondary" disabled={busy} onClick={close} autoFocus={!reasonLabel}>
                {t('common.cancel')}
              </button>
            </div>
          </form>
        )}
      </dialog>
    </>
  );
}
