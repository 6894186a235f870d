/** This package's version (a test keeps it equal to package.json): no file is read at start-up. */
export const VERSION = '0.1.0';
