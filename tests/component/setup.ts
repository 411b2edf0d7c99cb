import { cleanup } from '@testing-library/react';
import { afterEach, beforeAll } from 'vitest';
import { i18n, loadTexts } from '../../renderer/i18n';

// Vitest runs without globals, so Testing Library cannot register these itself.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// On the page English arrives when someone chooses it (changeLanguage); a screen under test may switch to it at once.
beforeAll(() => loadTexts('en'));

afterEach(async () => {
  cleanup();
  await i18n.changeLanguage('vi');
  window.location.hash = '';
});
