/** The flags `npm start` gives node for the server (server-flags.mjs). */
export declare const SERVER_NODE_FLAGS: readonly string[];
