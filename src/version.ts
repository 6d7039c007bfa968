/** The tool's version, written into every output. A test keeps it equal to package.json's. */
export const TOOL_NAME = 'dmap-planner';
export const TOOL_VERSION = '0.1.0';
