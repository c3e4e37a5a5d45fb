"""Six more fresh held-out-like episodes (ho30-ho35) for make.py --set fresh3. They cover podcast situations that
ho01-ho29 do not, or only lightly: a 20 s music intro alone and a 25 s music interlude between segments, with
`## ` chapter headings and titled full-name labels ("Dr. Halima Osei:") in a NAME: transcript; an auto-transcript
("Speaker 1:", "Speaker 2:") of two near-identical voices with many back-channel turns (Mm-hmm. Right. Yeah.);
an interview exported with [hh:mm:ss] time stamps before the labels where the host reads an ad inside her own
turn that the transcript leaves out, so every stamp after it is 15 s early; a very slow Markdown recipe
read with long pauses, bulleted ingredient lists and numbered steps; a three-voice conversation whose transcript
is the edited script: four paragraphs in it were cut from the audio, and an inserted ad (another voice over a
music bed) interrupts a guest's answer, after which the guest goes on; and a cold open clipped from the middle of
a later answer (full names with titles on their own line, [COLD OPEN] and [THEME MUSIC] tags, beat music).
All texts are original and were written for this set; nothing in podcue was tuned on them. Voices, variants,
rates, pitches, gains, seeds and formats are new combinations.

Script syntax as in episodes_fresh2.py, plus (make.py): '[00:01:02] KEY: text' writes the stamp before the label;
'~ text' is a paragraph of the turn that is in the transcript but not spoken; '+ text' continues the previous
speaker as a new turn written without a label (after '! sponsor': an ad inside a turn); an episode's
`headings` (a format with {title}) writes each chapter title above its paragraph in a NAME: transcript.
A host-read ad is a long filler inside a sentence ('Now, {this episode is ... So,} Tomas, tell me'): spoken, not
in the transcript, listed as a filler (make.py places a sentence by its first transcript word, so a filler must not
open a sentence).
"""

EPISODES = []

# ------------------------------------------------------------------------------------------ 30
# 20 s of chord music alone before any speech, a 25 s music interlude alone between two segments, 8 s outro;
# the transcript is NAME: turns with '## ' chapter headings, and the guest's label is a title and full name.
EPISODES.append(dict(
    id="ho30_tide_mill_long_music", seed=3030, style="clean", format="mp3_44k_mono_96k",
    headings="## {title}",
    speakers={
        "JONAH": dict(label="Jonah Reeve", full_name="Jonah Reeve", role="host", voice="en-gb-x-rp+edward", rate=166,
                      pitch=44),
        "HALIMA": dict(label="Dr. Halima Osei", full_name="Dr. Halima Osei", role="guest",
                       voice="en-gb-x-gbcwmd+Alicia", rate=158, pitch=56, gain_db=-2.0),
    },
    gaps=dict(first=0.6, sent=(0.30, 0.55), turn=(0.40, 0.85), para=(0.6, 0.9)),
    music=dict(chords=["A3 C4 E4", "F3 A3 C4", "C4 E4 G4", "G3 B3 D4"], chord_s=2.4, wave="triangle",
               level_db=-21, intro_alone=20.0, outro=8.0),
    conditions=["20 s of chord music alone before the first word", "25 s of music alone between two segments "
                "(untranscribed interlude)", "8 s outro", "NAME: transcript with '## ' chapter headings (not spoken)",
                "labels are full names, the guest's with a title (Dr. Halima Osei:)", "guest 2 dB quieter",
                "numbers and years in the text", "MP3 44.1 kHz mono 96 kbit/s"],
    notes="Interview with an engineer who restored a tidal mill; a long music intro, a long music break between "
          "the two halves, and a transcript with Markdown-style chapter headings over NAME: turns.",
    script="""
= Introduction
JONAH: This is Working Water, and I'm Jonah Reeve. Today I'm standing on a wooden floor that shakes every time the tide turns, because it sits on top of a mill wheel. With me is the engineer who brought that wheel back to life, Doctor Halima Osei. Halima, welcome.
HALIMA: Thank you, Jonah. Mind the trapdoor behind you.
= How a tide mill works
JONAH: For anyone who has never seen one, what is a tide mill?
HALIMA: It's a mill that runs on the sea instead of a river. When the tide comes in, it fills a big pond behind the mill through a gate. When the tide goes out, the gate closes, and we let the water back out under the wheel. So we get two or three hours of work, twice a day.
JONAH: So your working day moves with the moon.
HALIMA: It does. Some weeks I start at five in the morning, some weeks at two in the afternoon. My family has stopped asking when I'll be home for dinner.
JONAH: How old is this one?
HALIMA: The building dates from 1784, but there was a mill on this spot in the twelve hundreds. Monks ran it. We found one of their grinding stones in the mud when we drained the pond.
= The restoration
JONAH: What state was it in when you arrived?
HALIMA: The wheel had not turned since 1956. Half of the paddles were missing, the shaft was cracked, and a family of swans had moved into the pond gate.
JONAH: What happened to the swans?
HALIMA: We waited for them. You cannot move a nesting swan, and honestly you would not want to try. So the first three months of the project were mostly paperwork and watching swans.
! music 25
= Grinding again
JONAH: Welcome back. We're still at the tide mill, and Halima, the wheel has just started turning underneath us. What are we hearing?
HALIMA: That deep knocking is the wheel itself, about eight turns a minute. The higher rumble is the stones. The top stone weighs just over a tonne, and it floats on a film of grain, so it never quite touches the bottom one.
JONAH: And you sell the flour?
HALIMA: We do, in the shop by the car park. Wholemeal, mostly, and a spelt flour that the bakery in the village buys every week. Last year we milled about eleven tonnes.
JONAH: Is it any different from supermarket flour?
HALIMA: Stone milling is slow and cool, so the oils in the wheat germ survive. It tastes nuttier. It also goes off faster, which is why we print the milling date on every bag.
= Visiting
JONAH: Can people come and see it working?
HALIMA: Every weekend from April to October, but check the tide table first. If you arrive at low water, you'll see a very beautiful wheel doing absolutely nothing.
JONAH: Doctor Halima Osei, thank you.
HALIMA: Thank you, Jonah. Mind the trapdoor on your way out.
""",
))

# ------------------------------------------------------------------------------------------ 31
# Auto-transcript labels (Speaker 1:, Speaker 2:) for two near-identical voices (same voice and variant, pitch
# 50 vs 56, rate 172 vs 162); one speaker tells a story in short sentences and the other answers almost every
# sentence with a back-channel turn (Mm-hmm. Right. Yeah. Oh no. Wow.), turn gaps 50-250 ms.
EPISODES.append(dict(
    id="ho31_quilt_backchannel_twins", seed=3131, style="clean", format="ogg_vorbis_44k_stereo_q4",
    speakers={
        "ONE": dict(label="Speaker 1", full_name="Harriet Vance", role="host", voice="en-029+f4", rate=172, pitch=50,
                    pan=-0.1),
        "TWO": dict(label="Speaker 2", full_name="Prue Vance", role="guest", voice="en-029+f4", rate=162, pitch=56,
                    gain_db=-1.0, pan=0.1),
    },
    gaps=dict(first=0.7, sent=(0.20, 0.45), turn=(0.05, 0.25), para=(0.5, 0.7)),
    conditions=["two near-identical voices (both espeak en-029+f4; pitch 50 vs 56, 172 vs 162 wpm)",
                "auto-transcript labels Speaker 1: and Speaker 2:",
                "many one- and two-word back-channel turns (Mm-hmm. Right. Yeah. Oh no. Wow. Really?)",
                "turn gaps 50-250 ms", "stereo, speakers nearly centred", "Ogg Vorbis 44.1 kHz stereo q4"],
    notes="Two sisters talk about a quilt made from their grandfather's shirts; one tells the story, the other "
          "keeps answering with back-channels. The voices are the same synthesiser voice at slightly different "
          "pitch and speed, and the labels are an auto-transcription's Speaker 1 and Speaker 2.",
    script="""
= The quilt
ONE: Welcome to Threadbare, the podcast about things people make by hand. I'm Harriet, and today my sister Prue is here to tell the story of the quilt that's hanging behind us. Prue, where did it start?
TWO: It started with a bin bag. When Grandad died, Mum gave me a bin bag full of his shirts.
ONE: Mm-hmm.
TWO: She said, do something with these, or they go to the charity shop on Monday.
ONE: Right.
TWO: And I couldn't bear that. He wore those shirts for forty years.
ONE: Yeah.
TWO: So I tipped them out on the floor and just looked at them for a whole evening.
ONE: How many were there?
TWO: Thirty-one. Mostly checks. A few stripes, and one terrible Hawaiian one from a holiday in 1988.
ONE: Oh, I remember that shirt.
TWO: Everybody remembers that shirt.
ONE: [Laughs] Yeah.
= Cutting
ONE: So where do you even start with a quilt?
TWO: I had never made a quilt before. I bought a book, a rotary cutter and a cutting mat, and I cut my thumb on the first night.
ONE: Oh no.
TWO: Not badly. But after that I wore a glove.
ONE: Sensible.
TWO: The book said to cut every square exactly the same size, ten centimetres, with a seam allowance. So I spent three weekends cutting squares.
ONE: Three weekends?
TWO: Six hundred and twelve squares.
ONE: Wow.
TWO: And then I laid them out on the living room floor, and the cat walked straight across the middle and lay down.
ONE: Of course she did.
TWO: Of course she did. So I moved the cat, and I moved the squares, and it took me about a week to get an order I liked.
ONE: What were you going for?
TWO: A kind of slow fade. Dark blues in one corner, then greens, then the browns, and the Hawaiian shirt right in the middle where you can't miss it.
ONE: Right.
= Sewing
ONE: And the sewing?
TWO: The sewing was the easy part, really. I borrowed Mum's machine, the same one she made our school dresses on.
ONE: The green one?
TWO: The green one. It still works. It's louder than a lawnmower, but it works.
ONE: Mm-hmm.
TWO: The hard part was the quilting itself, when you sew through all three layers. I did it by hand, in little straight lines, following the checks on the shirts.
ONE: How long did that take?
TWO: Most of a winter. An hour every evening in front of the television.
ONE: Yeah.
TWO: And when it was finished, I gave it to Mum for her seventieth birthday.
ONE: I was there. She cried.
TWO: She cried, and then she found his pen mark on one of the pockets, and she cried again.
ONE: Really?
TWO: Really. He always clipped his pen in the same place, and it leaked. I left that square just as it was.
ONE: That's lovely. Prue, thank you.
TWO: Thanks for having me.
""",
))

# ------------------------------------------------------------------------------------------ 32
# An export with time stamps before the labels ([00:01:02] Dr. Tomas Varga: ...). The host reads a 15 s ad in
# the middle of her turn (spoken, left out of the transcript), so every stamp after the ad is 15 s early,
# as when stamps come from the recording before the ad was put in. Guest fillers; stereo MP3 48 kHz.
EPISODES.append(dict(
    id="ho32_lifeboat_stamps_host_ad", seed=3232, style="clean", format="mp3_48k_stereo_160k",
    speakers={
        "NADIA": dict(label="Nadia Brook", full_name="Nadia Brook", role="host", voice="en-us+Andrea", rate=176,
                      pitch=54, pan=-0.3),
        "TOMAS": dict(label="Dr. Tomas Varga", full_name="Dr. Tomas Varga", role="guest", voice="en-gb-scotland+m1",
                      rate=154, pitch=40, gain_db=-2.5, pan=0.3),
    },
    gaps=dict(first=0.5, sent=(0.30, 0.55), turn=(0.35, 0.80), para=(0.5, 0.8)),
    conditions=["[hh:mm:ss] time stamps before the labels (not spoken); they come from the recording before the "
                "ad was added, so every stamp after the host-read ad is 15 s early",
                "host-read ad (about 15 s, host's own voice) in the middle of her turn, not in the transcript "
                "(listed as a filler)", "labels are full names, the guest's with a title (Dr. Tomas Varga:)",
                "guest fillers um/uh spoken, not in the transcript", "guest 2.5 dB quieter",
                "stereo: host left, guest right", "MP3 48 kHz stereo 160 kbit/s"],
    notes="Interview with a lifeboat station's volunteer doctor. The transcript was exported with time stamps "
          "from the raw recording; the host's ad read was recorded later and is not in the transcript.",
    script="""
= Introduction
[00:00:00] NADIA: Hello, I'm Nadia Brook, and this is Shoreline. My guest today is a hospital doctor who, three or four nights a month, climbs into a lifeboat instead of going to bed. Doctor Tomas Varga, welcome.
[00:00:11] TOMAS: Thank you, Nadia. I'm glad it's daytime for once.
= Joining the crew
[00:00:15] NADIA: How does a doctor end up on a lifeboat?
[00:00:17] TOMAS: I moved to the town in 2016 for a job in the emergency department. I didn't know anyone. A nurse I worked with {um,} was on the crew, and she said they were always short of people who could deal with injuries at sea. So I went along to a training night, and I never really left.
[00:00:35] NADIA: Did you have any experience on boats?
[00:00:37] TOMAS: None at all. I was sick the first four times we went out. The coxswain told me that was normal, and that the only cure was to keep going out.
[00:00:46] NADIA: And did it work?
[00:00:48] TOMAS: Eventually. It took {uh,} about a year.
[00:00:51] NADIA: That sounds like a good place to pause.
= The pager
> Now, {this episode of Shoreline is supported by Saltmarsh Outfitters, who make waterproof jackets that are actually repaired when they tear. Send them a torn jacket, and they will patch it and send it back within two weeks. Use the code SHORELINE for ten percent off at saltmarsh dot co dot uk. So,} Tomas, tell me about the pager. What happens when it goes off?
[00:00:57] TOMAS: Everything stops. If I'm asleep, I'm dressed in about ninety seconds. The station is four minutes from my house if the lights are kind. We aim to launch within ten minutes of the pager, and most nights we do it in eight.
[00:01:12] NADIA: What kind of calls do you get?
[00:01:14] TOMAS: All sorts. Fishing boats with engine failure, kayakers who have been blown offshore, people cut off by the tide on the sandbanks. In the summer, {um,} a lot of inflatables. Children on a lilo, drifting out while the parents are looking the other way.
[00:01:30] NADIA: And what's the hardest part for you, as the doctor?
[00:01:33] TOMAS: Working in the dark on a deck that won't keep still. In the hospital I have lights, a bed, and twenty colleagues. Out there I have a torch in my teeth and a casualty who is cold and frightened. You learn to keep things very simple.
= A night to remember
[00:01:48] NADIA: Is there a rescue that stays with you?
[00:01:50] TOMAS: There's one. A father and his son, in a small yacht, at about two in the morning in November. The mast had come down and the boy had a head injury. We found them by the light of a phone screen.
[00:02:03] NADIA: A phone screen?
[00:02:04] TOMAS: Their flares were wet. The father was holding up his phone with the torch on, and our helmsman saw it from nearly a mile away. We got them both aboard, and the boy was fine. He came to the station the next summer and asked if he could join when he was old enough.
[00:02:21] NADIA: That's wonderful. Doctor Tomas Varga, thank you.
[00:02:24] TOMAS: Thank you, Nadia. And please, everyone, carry a proper light.
""",
))

# ------------------------------------------------------------------------------------------ 33
# A very slow monologue (96 wpm) with long pauses (1.4-2.4 s between sentences, 2.2-3.0 s between paragraphs):
# a recipe read from a Markdown script with bulleted ingredient lists (one item per paragraph) and numbered
# steps; light kitchen reverb; FLAC.
EPISODES.append(dict(
    id="ho33_soda_bread_slow_list_md", seed=3333, style="markdown", format="flac_44k_mono_16bit",
    title="Soda Bread for Beginners",
    subtitle="Script of an episode of Slow Kitchen, read by Desmond Achterberg.",
    speakers={
        "DESMOND": dict(label="DESMOND", full_name="Desmond Achterberg", role="narrator", voice="en-gb-x-gbclan+grandpa",
                        rate=96, pitch=38),
    },
    gaps=dict(first=1.2, sent=(1.40, 2.40), turn=(0.5, 0.9), para=(2.20, 3.00)),
    reverb=[35, 40, 60],
    conditions=["monologue", "very slow speaker (96 wpm)", "long pauses: 1.4-2.4 s between sentences, "
                "2.2-3.0 s between paragraphs", "bulleted list items read one by one (- item, one per paragraph)",
                "numbered steps (1. 2. 3.) read as numbers", "Markdown with # title, italic line and ## headings",
                "numbers and quantities (450 grams, 200 degrees)", "light kitchen reverb (sox reverb 35 40 60)",
                "FLAC 44.1 kHz mono"],
    notes="A slow, calm recipe reading with long pauses; the script lists ingredients as bullets and the method as "
          "numbered steps.",
    script="""
= Before you start
DESMOND: Good evening. This is Slow Kitchen, and I'm Desmond. Tonight we are making soda bread. It needs no yeast, no waiting, and no special skill. You can have a warm loaf on the table in under an hour.
> Read the whole recipe once before you begin. Then turn the oven on to 200 degrees, and dust a baking tray with a little flour.
= What you need
> - 450 grams of plain flour.
> - One teaspoon of bicarbonate of soda.
> - One teaspoon of fine salt.
> - 400 millilitres of buttermilk.
> - A handful of oats, if you like them.
> If you cannot find buttermilk, stir a tablespoon of lemon juice into ordinary milk, and leave it for ten minutes.
= Method
> 1. Sift the flour, the soda and the salt into a large bowl.
> 2. Make a well in the middle, and pour in most of the buttermilk.
> 3. Stir with one hand, fingers spread like a claw, until the dough just comes together. It should be soft and a little sticky.
> 4. Tip it onto a floured board and shape it into a round. Do not knead it. The less you handle it, the lighter it will be.
> 5. Put it on the tray, and cut a deep cross in the top with a floured knife.
> 6. Bake for thirty minutes, then tap the bottom. If it sounds hollow, it is done.
= While it cools
> Wrap the loaf in a clean tea towel while it cools. That keeps the crust soft.
> Eat it the same day, with butter. By tomorrow it will be best toasted.
> That is all for tonight. Take your time. Good night.
""",
))

# ------------------------------------------------------------------------------------------ 34
# The transcript is the edited script, not what was broadcast: four paragraphs in it were cut from the audio
# (the end of the host's introduction, the end of a guest's answer, the end of the answer the ad interrupts, and
# one in the host's outro). An inserted ad
# (another voice over a music bed) interrupts a guest's answer between two paragraphs, and the guest goes on
# after it. Three speakers; pink noise at 24 dB SNR; AAC.
EPISODES.append(dict(
    id="ho34_bellringers_cut_paras_ad", seed=3434, style="clean", format="aac_m4a_44k_mono_64k",
    speakers={
        "IMELDA": dict(label="IMELDA", full_name="Imelda Strand", role="host", voice="en-us+Alicia", rate=170,
                       pitch=52),
        "CORMAC": dict(label="CORMAC", full_name="Cormac Delaney", role="guest", voice="en-gb-x-gbclan+m6", rate=150,
                       pitch=38, gain_db=-1.5),
        "SUNITA": dict(label="SUNITA", full_name="Sunita Rao", role="guest", voice="en-gb-scotland+f3", rate=180,
                       pitch=62, gain_db=-4.0),
    },
    gaps=dict(first=0.7, sent=(0.28, 0.50), turn=(0.30, 0.75), para=(0.55, 0.85)),
    noise=dict(snr_db=24.0, hum_hz=0, hum_share=0.0),
    music=dict(chords=["D3 F3 A3", "Bb2 D3 F3", "F3 A3 C4", "C3 E3 G3"], chord_s=2.0, wave="sine",
               level_db=-22, bed_db=-33, sponsor_lead=1.5, sponsor_tail=1.2),
    sponsor=dict(voice="en-us-nyc+m5", rate=190, pitch=50,
                 text="This podcast is brought to you by Greystone Insurance. Whether you own a cottage or a castle, "
                      "Greystone has a policy that fits. Get a quote in five minutes at greystone dot com."),
    conditions=["transcript is the edited script: four paragraphs (102 words) are in it but were cut from the audio "
                "(end of the host's intro, end of a guest's answer, end of the answer the ad interrupts, in the "
                "host's outro)",
                "inserted ad (another voice over a music bed, not in the transcript) interrupting a guest's answer "
                "between two paragraphs; the guest's next paragraph is a new truth turn with no label",
                "3 speakers, SUNITA 4 dB quieter", "pink noise at 24 dB SNR", "clean NAME: transcript (capitals)",
                "AAC in M4A, mono 64 kbit/s"],
    notes="Conversation with two church bell ringers. The transcript is the producer's script: some paragraphs "
          "were cut in the edit, and a dynamically inserted ad breaks into one answer.",
    script="""
= Welcome
IMELDA: Welcome to Up the Tower. I'm Imelda Strand, and I'm in the ringing chamber of Saint Bride's, about forty steps above the street. With me are Cormac Delaney, who has been ringing here for thirty years, and Sunita Rao, who learned eighteen months ago.
~ Before we start, a quick thank you to the churchwardens, who let us record on a practice night and moved the Thursday choir rehearsal to make room for us.
CORMAC: Good evening.
SUNITA: Hi, Imelda.
= Learning
IMELDA: Sunita, what made you want to learn?
SUNITA: I live across the road. Every Thursday night I heard them practising, and one evening I just walked up the steps and knocked. I expected them to tell me to go away.
CORMAC: We never tell anyone to go away. We're always short of ringers.
IMELDA: How long does it take to learn?
SUNITA: To handle a bell safely, about ten lessons. You learn on your own, with the clapper tied, so nobody outside hears your mistakes.
> The first time they untied the clapper and I rang with the band, I was shaking. It was the loudest thing I had ever done.
~ I should say that my neighbours were very patient about it. One of them still leaves a note on my door every time he hears a mistake.
= Methods
IMELDA: Cormac, people imagine bell ringers playing tunes. That's not really what happens, is it?
CORMAC: No. English change ringing doesn't play tunes at all. The bells ring in order, down the scale, and then the order changes, two bells at a time, following a pattern we call a method.
> The aim is to ring every possible order without repeating one. With eight bells that's more than forty thousand changes, and it takes about eighteen hours. It has been done, once or twice, by people who didn't need to sleep.
! sponsor
+ So most of the time we ring a quarter peal instead. That's about twelve hundred and sixty changes, around forty-five minutes, and you can still feel your arms the next morning.
~ There are hundreds of methods, and they all have names. Plain Bob, Grandsire, Stedman, and one called Cambridge Surprise Major, which sounds like a cake.
SUNITA: I'm still on Plain Bob.
CORMAC: And doing very well.
= The tower
IMELDA: What's it like up here on a winter night?
SUNITA: Cold. There's no heating, and the ropes are stiff. We ring in coats and take them off after the first touch.
CORMAC: And there are pigeons. There are always pigeons.
IMELDA: Cormac Delaney and Sunita Rao, thank you.
~ If you would like to learn, the band practises here every Thursday at half past seven, and beginners are always welcome.
CORMAC: Thank you.
SUNITA: Thanks, Imelda.
""",
))

# ------------------------------------------------------------------------------------------ 35
# A cold open clipped from the middle of a later answer (not its first sentences), then 9 s of beat music with
# a [THEME MUSIC] tag; the transcript keeps the cold open at the top under a [COLD OPEN] tag. Full names with
# titles on their own line; a fast guest (204 wpm); laughter; WAV 44.1 kHz stereo.
EPISODES.append(dict(
    id="ho35_glass_coldopen_mid_answer", seed=3535, style="fullname", format="wav_44k_stereo_s16",
    speakers={
        "GWEN": dict(label="GWEN", full_name="Gwen Aldous", role="host", voice="en-gb-x-rp+Annie", rate=164,
                     pitch=56, pan=-0.2),
        "OSKAR": dict(label="OSKAR", full_name="Prof. Oskar Lindahl", role="guest", voice="en-us+m8", rate=204,
                      pitch=42, gain_db=-1.0, pan=0.25),
    },
    gaps=dict(first=0.5, sent=(0.20, 0.40), turn=(0.35, 0.80), para=(0.5, 0.8)),
    music=dict(wave="beat", bpm=92, bass=["G1", "x", "Bb1", "C2", "G1", "x", "F1", "D2"], level_db=-21, outro=6.0),
    fx_db={"laugh": -27.0},
    conditions=["cold open: two sentences from the middle of a later answer, then 9 s beat music alone; the same "
                "sentences (identical audio and text) are spoken again inside that answer",
                "transcript keeps the cold open at the top, marked [COLD OPEN], and [THEME MUSIC] (tags, not spoken)",
                "full name on its own line; the guest's with a title (Prof. Oskar Lindahl)", "fast guest (204 wpm)",
                "laughter sound after a [Laughs] tag", "6 s beat outro", "WAV 44.1 kHz stereo 16-bit"],
    notes="Interview with a glass scientist; the episode opens with a clip taken from the middle of one of his "
          "later answers, then the theme.",
    script="""
= Cold open
OSKAR: [COLD OPEN] We dropped it from the roof of the physics building, four storeys, onto concrete. It bounced twice and rolled into a flower bed, and the caretaker has never looked at me the same way since. [THEME MUSIC]
! music 9
= Welcome
GWEN: Hello, and welcome to Material World, where we talk about the stuff things are made of. I'm Gwen Aldous. My guest has spent twenty years trying to make glass that doesn't break. Professor Oskar Lindahl, welcome.
OSKAR: Thank you, Gwen. I should say up front that all glass breaks eventually. We just try to make it wait.
= Why glass breaks
GWEN: Let's start there. Why does glass break so easily?
OSKAR: Glass is actually very strong, stronger than steel for its weight, if it's perfect. But it's never perfect. The surface is covered in tiny scratches, far too small to see, and when you bend the glass, all the stress gathers at the tip of one of those scratches, and the crack runs.
GWEN: So the scratch is the weak point.
OSKAR: The scratch is everything. If you could make a surface with no flaws at all, a thin glass fibre could hold up a car. In the lab we get close to that, for about a minute, until somebody touches it.
= Making it tougher
GWEN: So how do you make glass that waits?
OSKAR: There are two main tricks. The first is heat. You heat the glass until it's nearly soft and then blow cold air on both faces. The outside sets first and the inside pulls it tight as it cools, so the surface is squeezed, and a squeezed scratch can't open.
> The second trick is chemistry. You put the glass in a bath of hot molten salt, and small sodium atoms in the surface swap places with bigger potassium atoms from the bath. The big atoms are crammed in, and that squeezes the surface even harder. That's how most phone screens are made.
GWEN: Did you ever test one of your own samples outside the lab?
OSKAR: Once, for a television programme, which I regret. We dropped it from the roof of the physics building, four storeys, onto concrete. It bounced twice and rolled into a flower bed, and the caretaker has never looked at me the same way since. [Laughs]
! laugh 1.2
> The producers were disappointed, to be honest. They had hoped it would explode.
= What next
GWEN: What are you working on now?
OSKAR: Glass that heals. We're adding a tiny amount of a second material that melts at a lower temperature. If a crack starts and you warm the glass, that material flows into the crack and seals it.
GWEN: Like a scab.
OSKAR: Very much like a scab, yes. It only works for small cracks so far, but small cracks are where every big crack begins.
GWEN: Professor Oskar Lindahl, thank you.
OSKAR: Thank you, Gwen. And please, don't drop your phone on my account.
""",
))
