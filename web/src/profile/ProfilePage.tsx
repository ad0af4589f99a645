import { PageContainer } from '../components/AppLayout';
import { useAuth } from '../store/auth';
import { ChangePasswordForm } from './ChangePasswordForm';
import { ProfileForm } from './ProfileForm';

export function ProfilePage() {
  const user = useAuth((s) => s.user);
  if (!user) return null; // the route guard redirects
  return (
    <PageContainer title="Profile">
      {/* key: start from fresh values if a different user is shown */}
      <ProfileForm key={user.id} user={user} />
      <ChangePasswordForm />
    </PageContainer>
  );
}
