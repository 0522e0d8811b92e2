// A row's design thumbnail. Fetched only once scrolling settles, so a fling through 100,000 rows
// asks for none of the images it passes.
import { Box } from '@mantine/core';
import { useAsset } from '../../features/items/items';

export function Thumb({ assetId, load, blur }: { assetId: string; load: boolean; blur: boolean }) {
  const asset = useAsset(assetId, load);
  return (
    <Box w={28} h={28} style={{ borderRadius: 4, overflow: 'hidden', background: 'var(--mantine-color-default-border)', flexShrink: 0 }}>
      {asset.data !== undefined && (
        <img src={asset.data.dataUrl} alt="" width={28} height={28} style={{ display: 'block', objectFit: 'cover', filter: blur ? 'blur(3px)' : undefined }} />
      )}
    </Box>
  );
}
