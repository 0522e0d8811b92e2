// The design, as large as fits: blur toggle (b), zoom on click (z).
import { ActionIcon, Box, Center, Group, Kbd, Loader, Modal, Text, Tooltip } from '@mantine/core';
import { IconEye, IconEyeOff, IconZoomIn } from '@tabler/icons-react';
import { useAsset } from '../../features/items/items';
import { describeError } from '../../api/errors';

export interface DesignViewProps {
  assetId: string;
  alt: string;
  blurred: boolean;
  onBlur: () => void;
  zoomed: boolean;
  onZoom: (zoomed: boolean) => void;
}

export function DesignView({ assetId, alt, blurred, onBlur, zoomed, onZoom }: DesignViewProps) {
  const asset = useAsset(assetId);
  const image = asset.data?.dataUrl;
  return (
    <Box pos="relative" h="100%" style={{ background: 'var(--mantine-color-default-hover)', borderRadius: 'var(--mantine-radius-md)', overflow: 'hidden' }}>
      {asset.isPending ? (
        <Center h="100%">
          <Loader size="sm" />
        </Center>
      ) : image === undefined ? (
        <Center h="100%" p="lg">
          <Text size="sm" c="dimmed" ta="center">
            The design image could not be loaded. {describeError(asset.error)}
          </Text>
        </Center>
      ) : (
        <button
          type="button"
          onClick={() => onZoom(true)}
          aria-label="Zoom the design"
          style={{ all: 'unset', cursor: 'zoom-in', display: 'flex', alignItems: 'center', justifyContent: 'center', width: '100%', height: '100%', padding: 16, boxSizing: 'border-box' }}
        >
          <img
            src={image}
            alt={alt}
            data-testid="design-image"
            style={{ maxWidth: '100%', maxHeight: '100%', objectFit: 'contain', filter: blurred ? 'blur(18px)' : undefined, transition: 'filter 120ms', borderRadius: 4, boxShadow: 'var(--mantine-shadow-sm)' }}
          />
        </button>
      )}
      <Group gap={6} pos="absolute" top={10} right={10}>
        <Tooltip label={blurred ? 'Unblur (B)' : 'Blur (B)'}>
          <ActionIcon variant="default" size="lg" onClick={onBlur} aria-label={blurred ? 'Unblur the design' : 'Blur the design'} aria-pressed={blurred}>
            {blurred ? <IconEye size={18} /> : <IconEyeOff size={18} />}
          </ActionIcon>
        </Tooltip>
        <Tooltip label="Zoom (Z)">
          <ActionIcon variant="default" size="lg" onClick={() => onZoom(true)} aria-label="Zoom the design" disabled={image === undefined}>
            <IconZoomIn size={18} />
          </ActionIcon>
        </Tooltip>
      </Group>
      {blurred && (
        <Text size="xs" pos="absolute" bottom={10} left={12} c="dimmed">
          Blurred — press <Kbd size="xs">B</Kbd> to see it
        </Text>
      )}
      <Modal closeButtonProps={{ 'aria-label': 'Close' }} opened={zoomed} onClose={() => onZoom(false)} fullScreen title={alt} transitionProps={{ duration: 0 }}>
        {image !== undefined && (
          <Center h="calc(100dvh - 90px)">
            <img src={image} alt={alt} style={{ width: 'min(100%, calc(100dvh - 110px))', height: 'auto', filter: blurred ? 'blur(18px)' : undefined }} />
          </Center>
        )}
      </Modal>
    </Box>
  );
}
