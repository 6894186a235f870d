import { helpPage } from './help.js';

/** The global help page (`azlro --help`); each command and group has its own (`helpPage`). */
export const USAGE = helpPage();
