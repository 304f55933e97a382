import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DashboardApp } from '@/components/dashboard/DashboardApp';
import { DEFAULT_SETTINGS } from '@/lib/model/settings';
import { loadSettings } from '@/lib/settings';
import './style.css';

async function start() {
  // Settings decide the language, so they are read before the first paint (one storage read, ~1 ms).
  const settings = await loadSettings().catch(() => DEFAULT_SETTINGS);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <DashboardApp initialSettings={settings} />
    </StrictMode>,
  );
}

void start();
