import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PopupApp } from '@/components/popup/PopupApp';
import { DEFAULT_SETTINGS } from '@/lib/model/settings';
import { loadSettings } from '@/lib/settings';
import './style.css';

async function start() {
  const settings = await loadSettings().catch(() => DEFAULT_SETTINGS);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <PopupApp settings={settings} />
    </StrictMode>,
  );
}

void start();
