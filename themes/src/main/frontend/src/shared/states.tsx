import {
  Button,
  EmptyState,
  EmptyStateActions,
  EmptyStateBody,
  EmptyStateFooter,
  EmptyStateHeader,
  EmptyStateIcon,
  Skeleton,
  Stack,
  StackItem,
} from "@patternfly/react-core";
import { ExclamationTriangleIcon } from "@patternfly/react-icons";
import type { PropsWithChildren, ReactNode } from "react";

/** Grey bars where a section's content will be, announced to screen readers by its text. */
export function LoadingSection({ label }: { label: string }) {
  return (
    <Stack hasGutter aria-busy="true">
      <StackItem>
        <Skeleton width="60%" screenreaderText={label} />
      </StackItem>
      <StackItem>
        <Skeleton width="85%" />
      </StackItem>
      <StackItem>
        <Skeleton width="40%" />
      </StackItem>
    </Stack>
  );
}

type LoadErrorProps = PropsWithChildren<{
  title: string;
  body: ReactNode;
  retryLabel: string;
  onRetry: () => void;
  retryId?: string;
  /** The whole page failed (a large state with an h2), rather than one section of it (small, h3, an alert). */
  page?: boolean;
}>;

/** Something that could not load, with a way to try again; further actions go after Retry. */
export function LoadError({ title, body, retryLabel, onRetry, retryId, page = false, children }: LoadErrorProps) {
  return (
    <EmptyState variant={page ? undefined : "sm"} role={page ? undefined : "alert"}>
      <EmptyStateHeader
        titleText={title}
        headingLevel={page ? "h2" : "h3"}
        icon={<EmptyStateIcon icon={ExclamationTriangleIcon} color="var(--pf-v5-global--warning-color--100)" />}
      />
      <EmptyStateBody>{body}</EmptyStateBody>
      <EmptyStateFooter>
        <EmptyStateActions>
          <Button id={retryId} variant="primary" onClick={onRetry}>
            {retryLabel}
          </Button>
          {children}
        </EmptyStateActions>
      </EmptyStateFooter>
    </EmptyState>
  );
}
