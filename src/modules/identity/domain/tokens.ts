/** Personal access tokens start with this, so that secret scanners and people recognise them. */
export const API_TOKEN_PREFIX = 'vrg_';
