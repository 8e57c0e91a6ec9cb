// Which component draws each slide kind.
import type { ComponentType } from 'react';
import type { SlideKind } from '../../../../server/contract/playlists.ts';
import type { SlideProps } from './SlideFrame.tsx';
import { TitleSlide } from './TitleSlide.tsx';
import { HotspotSlide } from './HotspotSlide.tsx';
import { TopMahallasSlide } from './TopMahallasSlide.tsx';
import { ApplicationsSlide } from './ApplicationsSlide.tsx';
import { JointActionsSlide } from './JointActionsSlide.tsx';
import { CoverageSlide } from './CoverageSlide.tsx';

export const SLIDE_COMPONENTS: Record<SlideKind, ComponentType<SlideProps>> = {
  title: TitleSlide,
  hotspots: HotspotSlide,
  top_mahallas: TopMahallasSlide,
  applications: ApplicationsSlide,
  joint_actions: JointActionsSlide,
  coverage: CoverageSlide,
};
