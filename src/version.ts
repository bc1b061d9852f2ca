/** The gate's version, written into every record; a test keeps it equal to package.json's. */
export const GATE_VERSION = '1.0.0';
