import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { i18n } from '../../renderer/i18n';

// Vitest runs without globals, so Testing Library cannot register these itself.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

afterEach(async () => {
  cleanup();
  await i18n.changeLanguage('vi');
  window.location.hash = '';
});
