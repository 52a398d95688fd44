/** Entry point of Electron's main process. */
import { startPolku } from './app';

startPolku();
