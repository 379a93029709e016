// Stands in for the reader and search pages so their deep links already resolve.
import { A, useParams } from "@solidjs/router";
import { EmptyState } from "../components/States";

export default function ComingSoon() {
  const params = useParams<{ projectId: string }>();
  return (
    <div class="page">
      <EmptyState icon="file" title="Reading and search are on their way" action={<A href={`/projects/${params.projectId}`} class="btn btn-primary">Back to the library</A>}>
        This link will open here once the reader and full-text search ship.
      </EmptyState>
    </div>
  );
}
