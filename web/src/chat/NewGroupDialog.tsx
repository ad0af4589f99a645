import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { TextField } from '../components/Field';
import { Modal } from '../components/Modal';
import { Spinner } from '../components/Spinner';
import { GROUP_NAME_MAX, type UserSummary } from '../lib/chatTypes';
import { useConversations } from '../store/conversations';
import { MemberPicker } from './MemberPicker';

/** "New group": a name and some people → POST /api/conversations/groups, then open it. */
export function NewGroupDialog({ onClose }: { onClose: () => void }) {
  const [name, setName] = useState('');
  const [members, setMembers] = useState<UserSummary[]>([]);
  const createGroup = useConversations((s) => s.createGroup);
  const form = useConversations((s) => s.createForm);
  const resetForm = useConversations((s) => s.resetForm);
  const navigate = useNavigate();

  useEffect(() => () => resetForm('createForm'), [resetForm]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const conversation = await createGroup(
      name,
      members.map((m) => m.id),
    );
    if (conversation) {
      onClose();
      navigate(`/c/${encodeURIComponent(conversation.id)}`);
    }
  };

  return (
    <Modal title="New group" onClose={onClose} testId="new-group-dialog">
      <form className="flex flex-col gap-2 min-h-0" onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          name="name"
          label="Group name"
          value={name}
          onChange={setName}
          error={form.fieldErrors.name}
          maxLength={GROUP_NAME_MAX}
          testId="group-name"
          idPrefix="new-group"
          autoFocus
        />
        <div className="fieldset py-1 min-h-0">
          <span className="fieldset-legend pb-1 pt-0">Members</span>
          <MemberPicker scope="new-group" selected={members} onChange={setMembers} disabled={form.loading} />
          {form.fieldErrors.memberIds && (
            <p className="text-error text-sm" data-testid="error-memberIds">
              {form.fieldErrors.memberIds}
            </p>
          )}
        </div>
        <div className="modal-action mt-1">
          <button type="button" className="btn btn-ghost" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={form.loading} aria-busy={form.loading} data-testid="group-create">
            {form.loading && <Spinner />}
            Create group{members.length > 0 ? ` (${members.length + 1})` : ''}
          </button>
        </div>
      </form>
    </Modal>
  );
}
