"""The 8 held-out-like episodes for make.py. All texts are original, written for this set.

Script syntax: '= Title' starts a chapter at the next paragraph; 'KEY: text' starts a turn;
'> text' is a further paragraph of the turn; '! sponsor' puts the sponsor read between turns.
In text, '{um,}' is a filler (spoken, not in the transcript) and '[Laughs]' a tag (in the
transcript, not spoken).
"""

EPISODES = []

# ------------------------------------------------------------------------------------------- 1
EPISODES.append(dict(
    id="ho01_bike_kitchen", seed=101, style="clean", format="mp3_44k_stereo_128k",
    speakers={
        "DEV": dict(label="DEV", full_name="Dev Malhotra", role="host", voice="en-us+m7", rate=178, pitch=42, pan=-0.3),
        "MAREN": dict(label="MAREN", full_name="Maren Lindgren", role="guest", voice="en-gb-scotland+f2", rate=148,
                      pitch=58, gain_db=-3.0, pan=0.3),
    },
    gaps=dict(first=0.7, sent=(0.30, 0.55), turn=(0.45, 0.95), para=(0.6, 0.9)),
    music=dict(chords=["C4 E4 G4", "A3 C4 E4", "F3 A3 C4", "G3 B3 D4"], chord_s=2.0, wave="sine",
               level_db=-24, intro_alone=5.0, outro=6.0),
    conditions=["2-speaker interview", "stereo: host panned left, guest right", "guest 3 dB quieter",
                "5 s chord intro alone and 6 s outro", "numbers, years, money, percentages in the text",
                "[Laughs] tags not spoken", "clean pauses (sentence 0.30-0.55 s, turn 0.45-0.95 s)"],
    notes="Interview about a volunteer bicycle repair workshop. Transcript: NAME: turns in capitals.",
    script="""
= Welcome
DEV: Welcome to Spoke and Chain, the show about the people who keep a city moving. I'm Dev Malhotra. My guest today runs a volunteer bike kitchen out of a former laundromat on Harbour Road. Maren Lindgren, welcome to the show.
MAREN: Thanks, Dev. I should warn you that my hands still smell of chain oil. [Laughs]
= How the kitchen started
DEV: Let's start at the beginning. What exactly is a bike kitchen, and how did yours get going?
MAREN: A bike kitchen is a shared workshop. You bring your own bicycle, we lend you the tools and the advice, and you do the repair yourself. Ours opened in 2014 with two workbenches, one borrowed truing stand and a box of donated spanners.
> The laundromat had closed the year before. The landlord gave us the first six months for free, because he said an empty shop was worse for the street than a noisy one.
DEV: And how many people come through the door now?
MAREN: Last year we counted 3,200 visits. About 40% were people fixing a bike they ride to work every day, so a flat tyre is not a small thing for them. It can mean losing a shift.
= Paying the bills
DEV: Running a workshop isn't free, though. How do you pay for the space and the parts?
MAREN: We ask for a donation of $5 an hour at the bench, but nobody is turned away. The rest comes from selling refurbished bikes. A donated frame that would have gone to the scrapyard can leave here for $120, with new brakes and a fresh chain.
> We also run a paid evening class once a month. Twelve people, four weeks, and by the end everybody can build a wheel.
DEV: Build a wheel? That sounds like a dark art.
MAREN: It really isn't. It's patience, a spoke key and about thirty-two small decisions. [Laughs]
= The volunteers
DEV: Who are the volunteers? Are they all retired mechanics?
MAREN: Hardly any of them. One of our best mechanics is a nineteen year old student who learned everything from watching videos. Another is a retired nurse who is brilliant at explaining things to nervous beginners. What they share is that they enjoy seeing someone ride away on something they fixed themselves.
DEV: Maren Lindgren, thank you for coming in.
MAREN: Thank you, Dev. And tell your listeners to check their tyre pressure.
""",
))

# ------------------------------------------------------------------------------------------- 2
EPISODES.append(dict(
    id="ho02_night_bus_panel", seed=202, style="clean", format="ogg_vorbis_48k_mono_q3",
    speakers={
        "Rosa": dict(label="Rosa", full_name="Rosa Delgado", role="moderator", voice="en-029+f1", rate=182, pitch=55),
        "Declan": dict(label="Declan", full_name="Declan Moore", role="panelist", voice="en-gb-x-gbclan+m2", rate=160,
                       pitch=38, gain_db=-9.0),
        "Yuki": dict(label="Yuki", full_name="Yuki Tanabe", role="panelist", voice="en-us+f5", rate=205, pitch=62),
    },
    gaps=dict(first=0.5, sent=(0.20, 0.40), turn=(0.0, 0.15), para=(0.4, 0.6)),
    noise=dict(snr_db=20.0, hum_hz=0, hum_share=0.0),
    conditions=["3-speaker panel", "fast turn-taking (turn gaps 0-150 ms)", "one-word interjection turns",
                "Declan 9 dB quieter", "pink noise at 20 dB SNR (vs -20 dBFS speech)", "mixed-case Name: labels",
                "Ogg Vorbis at 48 kHz"],
    notes="Panel on a city's new night bus network. Fast turn-taking with interjections; one quiet panelist.",
    script="""
= Welcome
Rosa: Good evening and welcome to City Desk. Tonight we are talking about the new night bus network, which has now been running for six months. With me are Declan Moore, who drives the number nine route, and Yuki Tanabe, a transport planner with the city.
Declan: Evening, Rosa.
Yuki: Hi, thanks for having us.
= Who rides at night
Rosa: Yuki, let's start with the riders. Who actually takes a bus at two in the morning?
Yuki: Mostly people going to work or coming home from it. Cleaners, bakers, hospital staff, warehouse crews. Before the network, many of them were paying for taxis they really couldn't afford.
Declan: Or walking.
Yuki: Or walking, exactly.
Declan: I had a woman tell me she used to walk forty minutes home after every shift. Now she sits down and reads.
Rosa: That's lovely.
Declan: It is. She waves every night.
= Safety on board
Rosa: Declan, what about safety? People worry about night buses.
Declan: Honestly, it's calmer than the afternoon school run.
Rosa: Really?
Declan: Really. The passengers are tired, not rowdy. And every bus has a camera and a direct line to the depot.
Yuki: We also changed the stops. Every night stop now has lighting and a shelter with a live arrival screen, so nobody waits in the dark wondering if the bus is coming.
Rosa: Did that cost much?
Yuki: Less than people think. The screens were the expensive part.
Declan: And they work, mostly.
Yuki: Mostly! [Laughs]
= Paying for it
Rosa: Let's talk about money. Who pays for a bus that carries twelve people at three in the morning?
Yuki: Everybody, a little. The fares cover about a quarter of the cost, and the rest comes from the same budget as the daytime buses. We argued that a city that works all night should have buses all night.
Declan: Twelve is a quiet night, mind you.
Rosa: What's a busy one?
Declan: Friday, after the hospital shift change. Sixty, seventy people. Standing room only.
Yuki: And that's the number that convinced the council.
Rosa: Interesting.
Yuki: The daytime buses don't fill up like that outside rush hour.
= What comes next
Rosa: So what comes next for the network?
Yuki: Two new routes in the spring, out to the industrial estate and the airport. Those are the places where shift workers have no other option at all.
Declan: And heated cabs. The old buses are freezing in January.
Rosa: Is that on the list?
Yuki: It is now. [Laughs]
Declan: And more drivers, please.
Yuki: Yes. Definitely more drivers.
Rosa: Declan Moore and Yuki Tanabe, thank you both.
Declan: Thank you.
Yuki: Thanks, Rosa.
""",
))

# ------------------------------------------------------------------------------------------- 3
EPISODES.append(dict(
    id="ho03_night_bakery", seed=303, style="fullname", format="mp3_22k_mono_48k",
    speakers={
        "COLM": dict(label="COLM", full_name="Colm Brennan", role="host", voice="en-gb-x-rp+m1", rate=165, pitch=40),
        "AMARA": dict(label="AMARA", full_name="Amara Eze", role="guest", voice="en-gb-x-gbcwmd+f4", rate=172, pitch=60),
    },
    gaps=dict(first=0.6, sent=(0.35, 0.65), turn=(0.5, 1.0), para=(0.7, 1.0)),
    reverb=[60, 45, 90],
    conditions=["2-speaker interview", "room reverb (sox reverb 60 45 90) on all speech",
                "fillers um/uh/you know spoken, not in the transcript", "full name on its own line"],
    notes="Interview with a baker who works nights, recorded in a tiled bakery (reverb). AMARA says fillers.",
    script="""
= Introduction
COLM: You're listening to Small Hours, the programme about people who work while the rest of us sleep. I'm Colm Brennan, and it's half past three in the morning. I'm standing in a bakery on Mill Lane with Amara Eze, who has been baking bread here for eleven years. Amara, good morning, I think.
AMARA: Good morning, Colm. It's {um,} definitely morning for me. The first loaves are already in the oven.
= A night's work
COLM: Walk me through a night. When does it start?
AMARA: I get in at eleven. The dough for the sourdough was mixed the afternoon before, so it has been resting all evening. The first job is shaping, and that takes about two hours if nobody talks to me.
> Then the ovens. We have two of them, and they are old, so they each have {uh,} their own personality. The left one runs hot at the back. You learn to turn the trays halfway.
COLM: How many loaves go out each night?
AMARA: On a normal night about four hundred, plus the rolls. On a Saturday, nearly double.
= Sleeping in the day
COLM: What does it do to your life, living backwards like this?
AMARA: People assume the hard part is staying awake. It isn't. The hard part is sleeping when the whole street is {you know,} mowing lawns and delivering parcels. I have blackout curtains and a fan that makes a steady noise, and I guard my sleep like a dragon.
> My friends have learned to invite me to lunch instead of dinner.
COLM: Do you ever miss working in daylight?
AMARA: Sometimes, in winter. I can go a week without seeing the sun. But there is something {um,} special about this hour. The street is silent, the bread is rising, and the first customer who comes in at six is always happy to see me.
= What makes good bread
COLM: Last question. What is the secret of a good loaf?
AMARA: Time. Cheap bread is fast bread. If you let the dough take its time, it does most of the work for you.
COLM: Amara Eze, thank you, and I'll let you get back to your ovens.
AMARA: Thanks, Colm. Take a roll on your way out.
""",
))

# ------------------------------------------------------------------------------------------- 4
EPISODES.append(dict(
    id="ho04_glacier_station", seed=404, style="article", format="aac_m4a_44k_stereo_96k",
    speakers={
        "IRIS": dict(label="IRIS", full_name="Iris Kovac", role="host", voice="en-us+f1", rate=160, pitch=50),
        "BENNETT": dict(label="BENNETT", full_name="Bennett Shaw", role="guest", voice="en+m4", rate=190, pitch=35,
                        gain_db=-4.0),
    },
    gaps=dict(first=0.6, sent=(0.30, 0.60), turn=(0.50, 0.90), para=(0.6, 0.9)),
    music=dict(chords=["D4 F#4 A4", "B3 D4 F#4", "G3 B3 D4", "A3 C#4 E4"], chord_s=1.6, wave="triangle",
               level_db=-23, under_db=-38, bed_db=-34, intro_alone=6.0, intro_under=5.0, outro=8.0,
               sponsor_lead=1.5, sponsor_tail=1.2),
    sponsor=dict(voice="en-us-nyc+m6", rate=196, pitch=48,
                 text="This episode of Field Notes is brought to you by Trailmark, the hiking boots that come with a "
                      "five year repair promise. Visit trailmark dot com and use the code FIELD for fifteen percent off "
                      "your first pair."),
    conditions=["2-speaker interview", "article page (headline, caption, intro, note, footer not spoken)",
                "6 s music intro alone, then 5 s under the first speech (15 dB below speech)",
                "sponsor read by a third voice over a music bed between two turns, not in the transcript",
                "8 s outro music", "abbreviations (GPS), numbers, years in the text", "guest 4 dB quieter",
                "AAC in M4A, stereo"],
    notes="Interview with a glaciologist who runs a measuring station. The transcript is an article page; "
          "only the turns are spoken. A sponsor read over music sits between two turns.",
    article_head=[
        "Counting the meltwater: a season at the Halvard glacier station",
        "Bennett Shaw checks a stake at the edge of the ice field in August (Photo: Lea Brandt/Field Notes)",
        "Every summer, a small team of researchers lives in two prefabricated huts beside the Halvard glacier, "
        "measuring how much ice the mountain loses. This week on Field Notes, Iris Kovac talks to the station's "
        "lead scientist about stakes, satellites and the sound of a glacier at night.",
        "Listen to the episode with the player above, or read the full transcript below.",
        "Read the transcript",
        "(This transcript was produced from the audio and may contain minor errors.)",
    ],
    article_foot=[
        "The Halvard station publishes its yearly measurements in the spring, and the team is looking for "
        "volunteers for next season.",
        "About the author",
        "Iris Kovac is the host of Field Notes. She has reported on mountains, rivers and coastlines for more "
        "than ten years and lives near the lake with two cats and a canoe.",
        "Adjacent posts",
    ],
    script="""
= Welcome
IRIS: Hello, and welcome to Field Notes. I'm Iris Kovac. Today I'm talking to Bennett Shaw, who spends every summer at a research station beside the Halvard glacier. Bennett, thanks for joining me.
BENNETT: Thanks, Iris. It's nice to talk to someone who isn't a glaciologist for a change.
= Measuring a glacier
IRIS: How do you actually measure a glacier? It seems far too big to measure.
BENNETT: We start with stakes. In spring we drill thirty holes into the ice, each one about 10 metres deep, and push a long plastic pole into every hole. Over the summer the surface melts down around the poles, and we measure how much of each pole is showing.
> We combine that with GPS readings of the surface and with satellite images. The stakes tell us what happens at one point very precisely, and the satellites tell us what happens everywhere, a bit less precisely.
IRIS: And what have the stakes told you?
BENNETT: Since 2009 the glacier has lost about 1.2 metres of ice thickness every year, on average. In the hot summer of 2018 it lost more than twice that.
! sponsor
= Life at the station
IRIS: What is daily life like up there?
BENNETT: Quiet, mostly. There are four of us in two huts. We cook on a gas stove, we take turns with the washing up, and we have a satellite phone for emergencies.
> The strangest part is the noise at night. A glacier creaks and cracks constantly, and on warm nights you can hear water running underneath it, like a river in a basement.
= What comes next
IRIS: What will you be looking for next season?
BENNETT: We want to understand the meltwater better. Where it goes, how fast it moves, and what it does to the rivers downstream. Farmers in the valley depend on that water in late summer.
IRIS: Bennett Shaw, thank you so much.
BENNETT: My pleasure, Iris.
""",
))

# ------------------------------------------------------------------------------------------- 5
EPISODES.append(dict(
    id="ho05_compost_md", seed=505, style="markdown", format="flac_44k_mono_16bit",
    title="What Happens Inside a Compost Heap",
    subtitle="Script of an episode of Backyard Science, read by Nadia Farouk.",
    speakers={
        "NADIA": dict(label="NADIA", full_name="Nadia Farouk", role="narrator", voice="en-029+f3", rate=205, pitch=56),
    },
    gaps=dict(first=1.0, sent=(0.25, 0.45), turn=(0.5, 0.9), para=(0.8, 1.2)),
    music=dict(chords=["E3 G3 B3", "C3 E3 G3", "A2 C3 E3", "B2 D3 F#3"], chord_s=3.0, wave="sine",
               level_db=-26, throughout_db=-38),
    conditions=["monologue", "fast speaker (205 wpm)", "Markdown with ## chapter headings (not spoken)",
                "music bed under all the speech, 18 dB below it", "numbers, years and a URL in the text",
                "FLAC 44.1 kHz"],
    notes="Markdown script of a science monologue about composting, read over a quiet continuous music bed.",
    script="""
= A heap is a city
NADIA: Every compost heap is a crowded city. A single teaspoon of finished compost can hold more than a billion bacteria, along with fungi, mites, springtails and worms. Most of them are far too small to see, but together they turn kitchen scraps into dark, crumbly soil in a matter of months.
> The heap works best when it is treated like a city that needs food, air and water. Take away any one of the three, and the population crashes.
= The right mix
> Gardeners talk about greens and browns. Greens are fresh, wet materials such as vegetable peelings, coffee grounds and grass clippings. Browns are dry materials such as fallen leaves, straw and torn cardboard.
> A good rule of thumb is roughly 3 parts brown to 1 part green, by volume. Too much green, and the heap turns slimy and starts to smell. Too much brown, and nothing much happens at all.
= Heat
> When the mix is right, the heap warms up. In a large pile the centre can reach 65 degrees Celsius within a week, hot enough to kill most weed seeds. That heat is not coming from the sun. It comes from billions of microbes breathing and eating at the same time.
> Turning the heap every week or two brings fresh air into the middle and keeps the fire going.
= What to leave out
> Not everything belongs in the heap. Meat, fish and dairy attract rats and foxes, and they rot rather than compost. Cooked food with oil in it does the same. Diseased plants and the roots of stubborn weeds are better burned or sent away, because a cool heap will only give them a comfortable place to wait.
> Glossy paper, coal ash and the contents of the cat's litter tray are also on the list of things to avoid. When in doubt, leave it out.
> Eggshells, on the other hand, are welcome, although they break down slowly. Crush them first, and they will add a little calcium to the finished compost. Woody prunings are fine too, as long as they are chopped small.
= Try it yourself
> If you want to measure your own heap, a simple kitchen thermometer on a long probe will do. Write down the temperature every morning for a month, and you will see the rise and fall of a whole microbial city.
> Researchers at the university have collected more than 1,500 of these diaries since 2021. You can add yours at www.heapwatch.org, where the results are shared with every gardener who takes part.
""",
))

# ------------------------------------------------------------------------------------------- 6
EPISODES.append(dict(
    id="ho06_clock_tower", seed=606, style="plain", format="wav_16k_mono_s16",
    title="The Clock Above the Market",
    speakers={
        "HUGO": dict(label="HUGO", full_name="Hugo Brandauer", role="narrator", voice="en-us+klatt3", rate=135, pitch=44),
    },
    gaps=dict(first=0.9, sent=(0.45, 0.80), turn=(0.5, 0.9), para=(1.0, 1.4)),
    reverb=[45, 50, 70],
    noise=dict(snr_db=15.0, hum_hz=60, hum_share=0.25),
    conditions=["monologue", "slow speaker (135 wpm, klatt voice)", "plain paragraphs, no labels, no headings",
                "pink noise plus 60 Hz hum at 15 dB SNR", "light reverb (sox reverb 45 50 70)", "WAV 16 kHz 16-bit"],
    notes="Plain-paragraph monologue about a town clock, noisy and reverberant.",
    script="""
= The Clock Above the Market
HUGO: For one hundred and forty years, the clock above the market square has told the town when to open its shutters. It was built by a local ironworker, and it still runs on the weights and gears he made.
> Every Thursday morning, somebody has to climb the tower and wind it. For the last nine years, that somebody has been me. There are eighty-seven steps, and I know every one of them by the sound it makes.
> Winding takes about twenty minutes. The crank is heavy, and the weights rise slowly up the shaft. When I finish, I check the time against my phone and move the hands a minute forward or back.
> People imagine the clock is fragile. It is not. It has survived two floods, a fire in the bakery below, and a winter when the whole mechanism froze solid. What it needs is attention, not protection.
> The mechanism lives in a small room behind the dials. It smells of oil and dust and old wood. On one wall, the keepers before me wrote their names and the years they started, in pencil, the oldest so faint that I can only read it with a torch held sideways. I added my own name on my first morning. It felt like signing a contract with the building.
> Twice a year the clocks change, and that is the one day the job becomes difficult. In spring I stop the pendulum for a moment and move the hands a full hour forward. In autumn it is easier to stop the clock completely and wait an hour in the cold, listening to the square wake up below.
> Sometimes children follow me up the stairs and watch the pendulum swing. They always ask the same question. What happens if you forget? I tell them the truth. The clock stops, and the whole town is late for a week.
""",
))

# ------------------------------------------------------------------------------------------- 7
EPISODES.append(dict(
    id="ho07_chess_rates", seed=707, style="clean", format="mp3_44k_mono_96k",
    speakers={
        "Odile": dict(label="Odile", full_name="Odile Marchetti", role="host", voice="en-gb-x-rp+f4", rate=230, pitch=60),
        "Bram": dict(label="Bram", full_name="Bram Visser", role="guest", voice="en-us+m2", rate=130, pitch=36,
                     gain_db=-2.0),
    },
    gaps=dict(first=0.6, sent=(0.25, 0.45), turn=(0.40, 0.80), para=(0.6, 0.9),
              sent_by={"Bram": (0.8, 1.4)}),
    conditions=["2-speaker interview", "very different rates (host 230 wpm, guest 130 wpm)",
                "long pauses between the guest's sentences (0.8-1.4 s), short for the host",
                "long sentences (40+ words) and one-word sentences", "mixed-case Name: labels", "MP3 44.1 kHz mono"],
    notes="Interview with a correspondence-chess player; the host talks fast, the guest slowly with long pauses.",
    script="""
= Introduction
Odile: Welcome back to Slow Games, the show about hobbies that take patience, and today's guest may be the most patient person we have ever had on, because Bram Visser plays chess by post, which means a single game can last longer than most people keep a car, a job or a haircut.
Bram: Hello. Thank you.
= How a game works
Odile: So tell me how it works, because I imagine envelopes and stamps and a lot of waiting by the letterbox.
Bram: That is how it started. Now it is mostly by email. You get a move. You think. Sometimes for days. Then you send yours.
Odile: Days?
Bram: Days. The rules give you ten days for every ten moves, so there is time to look at every idea properly, and to come back to it the next evening with a fresh head.
Odile: And how long was your longest game?
Bram: Four years. It ended in a draw.
= Why play this way
Odile: I have to ask the obvious question, which is why anybody would choose a version of chess where you might wait a week to find out whether your clever move was actually clever, when you could play a game on your phone in five minutes and get the same feeling of winning or losing before the kettle boils?
Bram: Because the five minute game is about nerves. The slow game is about truth. Nobody is in a hurry, so nobody can blame the clock.
Odile: Fair.
Bram: Also, I am not very fast.
= Friends by post
Odile: Do you use computers to help, because surely a chess engine on a laptop could tell you the best move in about half a second, and then what is left for the human to do?
Bram: In most events, engines are allowed now. So everybody has one. The question is what to do when the engine likes three moves equally. That is where the person matters.
Odile: Interesting.
Bram: It is also where I lose.
Odile: Do you ever meet the people you play against?
Bram: Sometimes. I played a man in Chile for six years. When I finally visited, he cooked for me, and we did not talk about chess at all.
Odile: Not once?
Bram: Well. Maybe once.
Odile: Bram Visser, thank you for taking the time, and good luck with whatever move you are thinking about right now.
Bram: Thank you. It is a knight.
""",
))

# ------------------------------------------------------------------------------------------- 8
EPISODES.append(dict(
    id="ho08_ice_cream_article", seed=808, style="article", format="aac_m4a_44k_mono_64k",
    speakers={
        "JUNE": dict(label="JUNE", full_name="June Castellano", role="host", voice="en-us+f2", rate=170, pitch=52),
        "RAFAEL": dict(label="RAFAEL", full_name="Rafael Monteiro", role="guest", voice="en-us+m4", rate=158, pitch=45),
        "ELLA": dict(label="ELLA", full_name="Ella Whitcombe", role="guest", voice="en+f5", rate=186, pitch=64,
                     gain_db=-6.0),
    },
    gaps=dict(first=0.6, sent=(0.30, 0.55), turn=(0.25, 0.70), para=(0.6, 0.9)),
    noise=dict(snr_db=17.0, hum_hz=50, hum_share=0.2),
    conditions=["3 speakers (host and two guests)", "article page (header and footer not spoken)",
                "ELLA 6 dB quieter", "pink noise plus 50 Hz hum at 17 dB SNR", "fillers um/uh/you know not in transcript",
                "[Laughs] tags not spoken", "money, numbers, a URL and abbreviations in the text", "AAC in M4A, mono"],
    notes="Three-person conversation in a small ice cream shop, with the shop's fridge hum and room noise.",
    article_head=[
        "The ice cream shop that follows the farm calendar",
        "Rafael Monteiro and Ella Whitcombe behind the counter at Cold Comfort (Photo: Simone Ruiz)",
        "Cold Comfort sells only flavours made from fruit and milk produced within a short drive of the shop. "
        "June Castellano visited the owners on a warm afternoon to talk about rhubarb, freezers and spreadsheets.",
        "Press play to listen, or scroll down for the full transcript.",
        "Read the transcript",
        "(Editor's note: this conversation has been condensed.)",
    ],
    article_foot=[
        "Cold Comfort is open from April to October. The owners say the rhubarb flavour usually sells out by June.",
        "About the author",
        "June Castellano writes about food, farms and small businesses for the Weekend Table and hosts its "
        "monthly podcast.",
        "Adjacent posts",
    ],
    script="""
= Introduction
JUNE: This is the Weekend Table podcast. I'm June Castellano, and I'm sitting at the counter of Cold Comfort, an ice cream shop with a very strict rule. With me are the owners, Rafael Monteiro and Ella Whitcombe. Hello to you both.
RAFAEL: Hi, June.
ELLA: Hello! Sorry about the freezer noise. [Laughs]
= The rule
JUNE: So tell me about the rule.
RAFAEL: Every flavour we sell has to come from a farm within 50 miles of this counter. The milk, the cream, the fruit. Only the sugar and the vanilla come from further away, because, {uh,} nobody grows vanilla here.
ELLA: We tried mint from the garden once. It was not a success.
JUNE: What went wrong?
ELLA: It tasted like toothpaste, {um,} very expensive toothpaste. [Laughs]
= Following the seasons
JUNE: What does the menu look like across a year?
ELLA: We open in April with rhubarb, then strawberries in June, raspberries and plums in late summer, and apples and pears in the autumn. When the fruit is finished, the flavour is finished. Some customers find that very hard.
RAFAEL: We had a man who drove 2 hours for gooseberry and we had sold the last scoop at 3 p.m. He still talks about it.
> So now we post the list every morning at www.coldcomfort.co.uk, and on the board outside.
= The numbers
JUNE: Is it possible to make a living this way?
RAFAEL: Just about. A scoop costs $4.50 and about a third of that is ingredients, which is much higher than a normal shop. We make it work because we have no waste. What doesn't sell as a scoop goes into, {you know,} milkshakes and ice cream sandwiches.
ELLA: And we both still have other jobs in the winter. I teach maths, and Rafael fixes freezers.
JUNE: Of course he does.
ELLA: He once repaired our main freezer at midnight with a hair dryer and a paper clip.
RAFAEL: Temporarily repaired.
ELLA: It lasted three years!
RAFAEL: It's a very useful skill in this business.
JUNE: Rafael Monteiro and Ella Whitcombe, thank you.
ELLA: Thanks, June. Come back for the plums.
""",
))
