import { Link } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Logo } from '~/components/ui/icons';

export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <main className="auth-page" id="main">
      <div className="auth-card">
        <Link to="/" className="brand">
          <Logo size={24} />
          {t('appName')}
        </Link>
        <h1>{title}</h1>
        {children}
      </div>
    </main>
  );
}
