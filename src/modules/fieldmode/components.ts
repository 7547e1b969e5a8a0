// What other pages may use from field mode in the browser (decision 17): the sign-out button clears
// the device's field-mode data (visit packs, unsent changes, the cached field page) before signing out.

export { clearDeviceThenSubmit } from './ui/sign-out.ts';
