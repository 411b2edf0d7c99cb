import { expect, it, vi } from 'vitest';
import { fake, FakeBrowserWindow } from './fakeElectron';

vi.mock('electron', async () => (await import('./fakeElectron')).fake);

it('a second kiosk on the same machine quits without opening the database or a window', async () => {
  fake.app.requestSingleInstanceLock.mockReturnValue(false);
  const { started } = await import('../../electron/main');
  await started;
  expect(fake.app.quit).toHaveBeenCalledOnce();
  expect(fake.app.getPath).not.toHaveBeenCalled();
  expect(fake.ipcMain.handle).not.toHaveBeenCalled();
  expect(FakeBrowserWindow.instances).toHaveLength(0);
});
