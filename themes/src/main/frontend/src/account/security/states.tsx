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
import { useTranslation } from "react-i18next";

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

/** A section that could not load, with a way to try again. */
export function LoadError({ title, onRetry }: { title: string; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <EmptyState variant="sm" role="alert">
      <EmptyStateHeader
        titleText={title}
        headingLevel="h3"
        icon={<EmptyStateIcon icon={ExclamationTriangleIcon} color="var(--pf-v5-global--warning-color--100)" />}
      />
      <EmptyStateBody>{t("securityLoadErrorBody")}</EmptyStateBody>
      <EmptyStateFooter>
        <EmptyStateActions>
          <Button variant="primary" onClick={onRetry}>
            {t("securityRetry")}
          </Button>
        </EmptyStateActions>
      </EmptyStateFooter>
    </EmptyState>
  );
}
