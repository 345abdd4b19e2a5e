import { Button, Checkbox, Flex, FlexItem, List, ListItem, Stack, StackItem } from "@patternfly/react-core";
import { CopyIcon, DownloadIcon } from "@patternfly/react-icons";
import { useState } from "react";
import { useTranslation } from "react-i18next";

type Props = {
  codes: string[];
  saved: boolean;
  onSavedChange: (saved: boolean) => void;
};

/** Codes shown this once, with ways to keep them, and the user's word that they did. */
export function RecoveryCodesList({ codes, saved, onSavedChange }: Props) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const text = codes.join("\n");

  const copy = async () => {
    await navigator.clipboard.writeText(text);
    setCopied(true);
  };

  const download = () => {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([`${text}\n`], { type: "text/plain" }));
    link.download = "recovery-codes.txt";
    link.click();
    URL.revokeObjectURL(link.href);
  };

  return (
    <Stack hasGutter>
      <StackItem>{t("securityRecoveryCodesExplain")}</StackItem>
      <StackItem>
        <List
          component="ol"
          isPlain
          className="sc-recovery-codes"
          aria-label={t("securityRecoveryCodes")}
          data-testid="recovery-codes"
        >
          {codes.map((code) => (
            <ListItem key={code}>
              <code>{code}</code>
            </ListItem>
          ))}
        </List>
      </StackItem>
      <StackItem>
        <Flex>
          <FlexItem>
            <Button variant="secondary" icon={<CopyIcon />} onClick={copy}>
              {copied ? t("securityCopied") : t("securityCopy")}
            </Button>
          </FlexItem>
          <FlexItem>
            <Button variant="secondary" icon={<DownloadIcon />} onClick={download}>
              {t("securityDownload")}
            </Button>
          </FlexItem>
        </Flex>
      </StackItem>
      <StackItem>
        <Checkbox
          id="security-recovery-codes-saved"
          label={t("securityRecoveryCodesSaved")}
          isChecked={saved}
          onChange={(_, checked) => onSavedChange(checked)}
        />
      </StackItem>
    </Stack>
  );
}
