import { useNavigate } from 'react-router';
import { useViewer } from '../../lib/viewer';
import { canManageTeams } from '../../lib/viewerRights';
import { TeamForm } from './TeamForm';

/** /teams/new: create a team, then go to its page (hour schedule, archive and the rest are there). */
export default function NewTeamPage() {
  const navigate = useNavigate();
  const { viewer } = useViewer();
  const canEdit = canManageTeams(viewer);
  return (
    <>
      <title>New team · Headroom</title>
      <h1>New team</h1>
      <TeamForm canEdit={canEdit} onSaved={(slug) => navigate(`/teams/${encodeURIComponent(slug)}`)} />
    </>
  );
}
