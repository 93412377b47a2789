import { endToEnd } from './end-to-end-suite.js';

endToEnd('single');
