import { defineIcon } from "@/components/ui/icons";

/** Arrow down to a line: "follow the newest". */
export const FollowIcon = defineIcon(
  <>
    <path d="M12 4v12" />
    <path d="m7 11 5 5 5-5" />
    <path d="M5 20h14" />
  </>,
  "FollowIcon",
);
