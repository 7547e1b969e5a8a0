import { data } from 'react-router';

// Unknown addresses get the error page of the root, with a 404 status.
export function loader() {
  throw data(null, { status: 404 });
}

export default function NotFound() {
  return null;
}
