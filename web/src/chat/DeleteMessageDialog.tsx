import { Modal } from '../components/Modal';

interface Props {
  /** Someone else's message (a group owner or admin deleting it). */
  othersMessage?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks before a message is deleted for everyone. */
export function DeleteMessageDialog({ othersMessage = false, onConfirm, onCancel }: Props) {
  return (
    <Modal title="Delete message?" onClose={onCancel} testId="delete-message-dialog">
      <p className="text-sm text-base-content/80">
        {othersMessage ? 'This message will be deleted for everyone in the group.' : 'This message will be deleted for everyone in the chat.'}{' '}
        This can't be undone.
      </p>
      <div className="modal-action mt-1">
        <button type="button" className="btn btn-ghost" onClick={onCancel} data-testid="cancel-delete">
          Cancel
        </button>
        <button type="button" className="btn btn-error" onClick={onConfirm} autoFocus data-testid="confirm-delete">
          Delete
        </button>
      </div>
    </Modal>
  );
}
