// Background script: nothing to do yet (keyboard commands and the badge come later).
import { defineBackground } from '#imports';

export default defineBackground(() => {});
