import { contextBridge, ipcRenderer } from 'electron';
import type { LoketApi } from '../../shared/ipc/api';

/**
 * The renderer's only door: `window.loket.call(channel, input)`. Never ipcRenderer itself, never
 * process.env. Main checks the sender frame and validates everything again.
 */
const api = {
  call: (channel, input) => ipcRenderer.invoke('loket:call', channel, input),
} satisfies LoketApi;

contextBridge.exposeInMainWorld('loket', api);
