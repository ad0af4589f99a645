import { Navigate, Outlet, Route, Routes, useLocation, type Location } from 'react-router';
import { ForgotPasswordPage } from './auth/ForgotPasswordPage';
import { LoginPage } from './auth/LoginPage';
import { ResetPasswordPage } from './auth/ResetPasswordPage';
import { SignupPage } from './auth/SignupPage';
import { ChatShell } from './chat/ChatShell';
import { AppLayout } from './components/AppLayout';
import { FullPageSpinner } from './components/Spinner';
import { Toasts } from './components/Toasts';
import { ProfilePage } from './profile/ProfilePage';
import { SettingsPage } from './settings/SettingsPage';
import { useAuth } from './store/auth';

/** Logged-out users go to /login (remembering where they were headed). */
function RequireAuth() {
  const loggedIn = useAuth((s) => s.user !== null);
  const location = useLocation();
  if (!loggedIn) return <Navigate to="/login" replace state={{ from: location }} />;
  return <Outlet />;
}

/** Logged-in users never see /login or /signup. */
function RequireGuest() {
  const loggedIn = useAuth((s) => s.user !== null);
  const location = useLocation();
  if (loggedIn) {
    const from = (location.state as { from?: Location } | null)?.from;
    const target = from && from.pathname !== '/login' && from.pathname !== '/signup' ? from : '/';
    return <Navigate to={target} replace />;
  }
  return <Outlet />;
}

export function AppRoutes() {
  const checking = useAuth((s) => s.session.loading);
  if (checking) return <FullPageSpinner />;
  return (
    <Routes>
      <Route element={<RequireGuest />}>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/signup" element={<SignupPage />} />
      </Route>
      {/* Public whether or not someone is logged in: a logged-in user may follow a reset link too. */}
      <Route path="/forgot-password" element={<ForgotPasswordPage />} />
      <Route path="/reset-password" element={<ResetPasswordPage />} />
      <Route element={<RequireAuth />}>
        <Route element={<AppLayout />}>
          <Route index element={<ChatShell />} />
          <Route path="/c/:conversationId" element={<ChatShell />} />
          <Route path="/profile" element={<ProfilePage />} />
          <Route path="/settings" element={<SettingsPage />} />
        </Route>
      </Route>
      <Route path="*" element={<Navigate to="/" replace />} />
    </Routes>
  );
}

export function App() {
  return (
    <>
      <AppRoutes />
      <Toasts />
    </>
  );
}
