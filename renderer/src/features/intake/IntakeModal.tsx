/** The «Новое обращение» dialog, opened from anywhere through services/intakeBus (Alt+N, header button). */
import { Modal } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { closeIntake, useIntakeBus } from '../../services/intakeBus.ts';
import { IntakeForm } from './IntakeForm.tsx';

export function IntakeModal() {
  const { t } = useTranslation();
  const open = useIntakeBus((s) => s.open);
  return (
    <Modal
      opened={open}
      onClose={closeIntake}
      title={t('intake.title')}
      size={980}
      data-testid="intake-modal"
      closeOnClickOutside={false}
    >
      {open && <IntakeForm />}
    </Modal>
  );
}
