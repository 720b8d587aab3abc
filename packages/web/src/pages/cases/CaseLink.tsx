import { Navigate, useParams } from 'react-router';

/**
 * `/cases/<id>`, the link the server puts in a case's notifications: the case opens in its
 * drawer over the list of all cases in scope.
 */
export default function CaseLink() {
  const id = useParams().id ?? '';
  return <Navigate to={`/cases?id=${encodeURIComponent(id)}`} replace />;
}
